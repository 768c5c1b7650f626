package app.shutter.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads targets for the load (posts of public accounts and their authors) straight from the data set. */
final class Samples {

    private Samples() {
    }

    /** Columns of {@code sql} as one map per row, named by their labels. */
    static List<Map<String, Object>> query(String sql) {
        try (Connection connection = DriverManager.getConnection(Bench.JDBC_URL, Bench.DB_USER, Bench.DB_PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<Map<String, Object>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("reading samples from " + Bench.JDBC_URL, e);
        }
    }

    /** Up to {@code count} posts of public generated accounts: postId, author. */
    static List<Map<String, Object>> publicPosts(int count) {
        return query("""
                select p.id as "postId", u.username as author
                from posts p tablesample bernoulli (5) join users u on u.id = p.author_id
                where not u.is_private and u.username like 'bench%%'
                limit %d""".formatted(count));
    }

    /** Counters that disagree with their rows (0 after any load: the application keeps them exact). */
    static long wrongCounters() {
        return ((Number) query("""
                select (select count(*) from posts p
                        where p.like_count <> (select count(*) from post_likes l where l.post_id = p.id)
                           or p.comment_count <> (select count(*) from comments c where c.post_id = p.id))
                     + (select count(*) from users u
                        where u.followers_count <> (select count(*) from follows f
                                                    where f.followee_id = u.id and f.status = 'accepted')
                           or u.following_count <> (select count(*) from follows f
                                                    where f.follower_id = u.id and f.status = 'accepted'))
                       as wrong""").get(0).get("wrong")).longValue();
    }
}
