package app.shutter.bench;

import app.shutter.feed.FeedService;
import app.shutter.post.PostQueries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The pgbench ceiling of the home feed (issue #19): the script {@code src/bench/pgbench/home-feed.sql} holds the
 * statements {@link FeedService#home} runs, taken from the application's constants ({@code PgbenchHomeFeedTest}
 * fails when they change and the script was not written again), and the table {@code bench_home_pages} says for
 * each sampled viewer which of them the application runs for the first page and for the page after it, with that
 * page's cursor and the posts of each page (for the media statement). pgbench cannot pass a page's rows on, so
 * one primary-key read of that table per transaction tells it.
 *
 * <pre>
 * # sample viewers: "all 2000" (uniformly from every account) or a file of usernames (the wrk run's users.txt)
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=app.shutter.bench.PgbenchHomeFeed \
 *     -Dexec.args="jdbc:postgresql://localhost:55432/shutter postgres postgres users.txt"
 * # write the script again after changing the statements:
 *     -Dexec.args="script src/bench/pgbench/home-feed.sql"
 * </pre>
 */
public final class PgbenchHomeFeed {

    private static final int FETCH = 21;
    private static final String FIRST = "";
    private static final String AFTER = "and (p.created_at, p.id) < (:at2, :id2)";

    private PgbenchHomeFeed() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        if (args.length == 2 && args[0].equals("script")) {
            Files.writeString(Path.of(args[1]), script());
            return;
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            List<Long> viewers = viewers(connection, args[3], args.length > 4 ? Integer.parseInt(args[4]) : 0);
            int rows = fill(connection, viewers);
            System.out.printf("bench_home_pages: %d viewers%npgbench -h HOST -p PORT -U USER -n -c 16 -j 2 -T 30"
                    + " -M prepared -D viewers=%d -f src/bench/pgbench/home-feed.sql shutter%n", rows, rows);
        }
    }

    /** The pgbench script: a viewer's first page and the page after it, each in its own transaction. */
    static String script() {
        return """
                -- The home feed as FeedService.home runs it (issue #19): the walk, the merge when the walk could not
                -- fill the page or the cursor says so, then the media of the page's posts; the first page, then the page
                -- after its cursor. Written by app.shutter.bench.PgbenchHomeFeed from the application's statements (do
                -- not edit; PgbenchHomeFeedTest compares); the same tool fills bench_home_pages, which says per viewer
                -- which statements the application ran. Run with -M prepared -D viewers=N (the table's rows).
                \\set n random(1, :viewers)
                \\set lim %2$d
                select viewer, merge1, ids1, has2, at2, id2, walk2, merge2, ids2 from bench_home_pages where n = :n \\gset
                BEGIN;
                %3$s;
                \\if :merge1
                %4$s;
                \\endif
                %1$s;
                COMMIT;
                \\if :has2
                BEGIN;
                \\if :walk2
                %5$s;
                \\endif
                \\if :merge2
                %6$s;
                \\endif
                %7$s;
                COMMIT;
                \\endif
                """.formatted(media("ids1"), FETCH, statement(FeedService.WALK_SQL, FIRST),
                statement(FeedService.MERGE_SQL, FIRST), statement(FeedService.WALK_SQL, AFTER),
                statement(FeedService.MERGE_SQL, AFTER), media("ids2"));
    }

    /** A posts statement as {@code FeedService.rows} issues it (comments dropped: pgbench splits at semicolons). */
    private static String statement(String sql, String cursor) {
        return (sql.formatted(cursor).replace(":fetch", Integer.toString(FETCH)) + " limit :lim")
                .replaceAll("--[^\n]*", "").replaceAll("\\s+", " ").trim();
    }

    /** The media statement; an array parameter stands for the list the application binds (the same plan). */
    private static String media(String ids) {
        return PostQueries.MEDIA_SQL.replace("in (:ids)", "= any(cast(:" + ids + " as bigint[]))")
                .replaceAll("\\s+", " ").trim();
    }

    private static List<Long> viewers(Connection connection, String source, int count)
            throws SQLException, IOException {
        List<Long> ids = new ArrayList<>();
        if (source.equals("all")) {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                    "select id from users where hidden_at is null order by md5(id::text) limit " + count)) {
                while (rs.next()) {
                    ids.add(rs.getLong("id"));
                }
            }
            return ids;
        }
        try (PreparedStatement statement = connection.prepareStatement("select id from users where username = ?")) {
            for (String username : Files.readAllLines(Path.of(source))) {
                statement.setString(1, username.trim());
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        ids.add(rs.getLong("id"));
                    }
                }
            }
        }
        return ids;
    }

    /** Runs each viewer's first two pages the way FeedService.home does and records what it ran. */
    private static int fill(Connection connection, List<Long> viewers) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_home_pages");
            statement.execute("""
                    create table bench_home_pages (n int primary key, viewer bigint not null, merge1 int not null,
                        ids1 text not null, has2 int not null, at2 timestamptz not null, id2 bigint not null,
                        walk2 int not null, merge2 int not null, ids2 text not null)""");
        }
        int n = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into bench_home_pages values (?, ?, ?, ?, ?, cast(? as timestamptz), ?, ?, ?, ?)")) {
            for (long viewer : viewers) {
                Page first = page(connection, viewer, null, false);
                Page second = first.next == null ? new Page(List.of(), null, false, false, false)
                        : page(connection, viewer, first.next, first.merged);
                insert.setInt(1, ++n);
                insert.setLong(2, viewer);
                insert.setInt(3, first.merge ? 1 : 0);
                insert.setString(4, first.ids());
                insert.setInt(5, first.next == null ? 0 : 1);
                insert.setString(6, first.next == null ? "-infinity" : first.next[0]);
                insert.setLong(7, first.next == null ? 0 : Long.parseLong(first.next[1]));
                insert.setInt(8, second.walk ? 1 : 0);
                insert.setInt(9, second.merge ? 1 : 0);
                insert.setString(10, second.ids());
                insert.executeUpdate();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze bench_home_pages");
        }
        return n;
    }

    private record Page(List<Long> postIds, String[] next, boolean walk, boolean merge, boolean merged) {
        String ids() {
            StringJoiner joiner = new StringJoiner(",", "{", "}");
            postIds.stream().limit(FETCH - 1).forEach(id -> joiner.add(Long.toString(id)));
            return joiner.toString();
        }
    }

    private static Page page(Connection connection, long viewer, String[] cursor, boolean cursorSaysMerge)
            throws SQLException {
        List<String[]> rows = List.of();
        boolean walked = !cursorSaysMerge;
        if (walked) {
            rows = rows(connection, FeedService.WALK_SQL, viewer, cursor);
            if (rows.size() == FETCH) {
                return new Page(ids(rows), rows.get(FETCH - 2), true, false, false);
            }
        }
        rows = rows(connection, FeedService.MERGE_SQL, viewer, cursor);
        return new Page(ids(rows), rows.size() == FETCH ? rows.get(FETCH - 2) : null, walked, true, true);
    }

    private static List<Long> ids(List<String[]> rows) {
        return rows.stream().map(row -> Long.parseLong(row[1])).toList();
    }

    /** Each row's keyset position: key_at, key_id. */
    private static List<String[]> rows(Connection connection, String sql, long viewer, String[] cursor)
            throws SQLException {
        String predicate = cursor == null ? FIRST : "and (p.created_at, p.id) < (cast(? as timestamptz), ?)";
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                HomeFeedShapes.statement(sql, viewer, predicate))) {
            if (cursor != null) {
                // every occurrence of the predicate takes the same two values
                for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i += 2) {
                    statement.setString(i, cursor[0]);
                    statement.setLong(i + 1, Long.parseLong(cursor[1]));
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString("key_at"), rs.getString("key_id")});
                }
            }
        }
        return rows;
    }
}
