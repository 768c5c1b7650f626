package app.shutter.bench;

import app.shutter.feed.FeedService;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The work of the home feed's posts statement for every follow shape of {@link NetworkDataSet}: shared buffers
 * (hit + read) and execution time from {@code EXPLAIN (ANALYZE, BUFFERS)} of the first and the fifth page,
 * for the statement the application issues and for the walk it replaced (issue #19), median of five runs.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=app.shutter.bench.HomeFeedShapes \
 *     -Dexec.args="jdbc:postgresql://localhost:55432/shutter postgres postgres"
 * </pre>
 */
public final class HomeFeedShapes {

    /** The statement before #19: newest posts of everyone, kept when the author is followed. */
    static final String WALK_SQL = "select p.id, p.created_at from posts p join users u on u.id = p.author_id"
            + " where u.deactivated_at is null and (p.author_id = :viewer or p.author_id in (select f.followee_id"
            + " from follows f where f.follower_id = :viewer and f.status = 'accepted'))"
            + " %1$s order by p.created_at desc, p.id desc";

    private static final int RUNS = 5;
    private static final int FETCH = 21;

    private HomeFeedShapes() {
    }

    public static void main(String[] args) throws SQLException {
        List<String> viewers = new ArrayList<>(NetworkDataSet.VIEWERS.keySet());
        boolean withWalk = !(args.length > 3 && args[3].equals("merge-only"));
        try (Connection connection = DriverManager.getConnection(args[0], args.length > 1 ? args[1] : null,
                args.length > 2 ? args[2] : null); Statement statement = connection.createStatement()) {
            System.out.printf("%-16s %9s | %-6s %9s %9s | %-6s %9s %9s%n", "viewer", "following",
                    "page", "buffers", "ms", "walk", "buffers", "ms");
            for (String viewer : viewers) {
                long id;
                int following;
                try (ResultSet rs = statement.executeQuery(
                        "select id, following_count from users where username = '" + viewer + "'")) {
                    rs.next();
                    id = rs.getLong(1);
                    following = rs.getInt(2);
                }
                String cursor = "";
                boolean merged = false; // the cursor's hint, as the application passes it on (HomeCursor)
                for (int page = 1; page <= 5; page++) {
                    String merge = FeedService.HOME_SQL.replace(":fetch", Integer.toString(FETCH))
                            .replace(":merged", Boolean.toString(merged));
                    if (page == 1 || page == 5) {
                        double[] mergeWork = work(statement, merge, id, cursor);
                        double[] walkWork = withWalk ? work(statement, WALK_SQL, id, cursor) : new double[2];
                        System.out.printf("%-16s %9d | %-6d %9.0f %9.2f | %-6s %9.0f %9.2f%n", viewer, following,
                                page, mergeWork[0], mergeWork[1], "", walkWork[0], walkWork[1]);
                    }
                    String[] next = nextCursor(statement, merge, id, cursor);
                    if (next == null) {
                        break;
                    }
                    cursor = next[0];
                    merged = Boolean.parseBoolean(next[1]);
                }
            }
        }
    }

    private static String sql(String template, long viewer, String cursor) {
        return template.formatted(cursor).replace(":viewer", Long.toString(viewer)) + " limit " + FETCH;
    }

    /** The predicate of the page after this one and the hint of the way it was found, or null on the last page. */
    private static String[] nextCursor(Statement statement, String template, long viewer, String cursor)
            throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql(template, viewer, cursor))) {
            int row = 0;
            while (rs.next()) {
                if (++row == FETCH - 1) {
                    return new String[] {"and (p.created_at, p.id) < ('" + rs.getString("created_at") + "', "
                            + rs.getLong("id") + ")", Boolean.toString(rs.getBoolean("merged"))};
                }
            }
        }
        return null;
    }

    /** Median shared buffers and execution milliseconds of RUNS executions. */
    private static double[] work(Statement statement, String template, long viewer, String cursor)
            throws SQLException {
        double[] buffers = new double[RUNS];
        double[] millis = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            try (ResultSet rs = statement.executeQuery("explain (analyze, buffers, format json) "
                    + sql(template, viewer, cursor))) {
                rs.next();
                String json = rs.getString(1);
                buffers[run] = number(json, "\"Shared Hit Blocks\"") + number(json, "\"Shared Read Blocks\"");
                millis[run] = number(json, "\"Execution Time\"");
            }
        }
        java.util.Arrays.sort(buffers);
        java.util.Arrays.sort(millis);
        return new double[] {buffers[RUNS / 2], millis[RUNS / 2]};
    }

    /** The first value of a key in the plan: the top node's (its buffers include every child's). */
    static double number(String json, String key) {
        int at = json.indexOf(key);
        int start = json.indexOf(':', at) + 1;
        int end = start;
        while (end < json.length() && "0123456789.- ".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(json.substring(start, end).trim());
    }
}
