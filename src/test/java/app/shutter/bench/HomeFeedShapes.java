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
 * for the statements the application issues, for the merge alone (its worst case: the merge answering every page
 * of a viewer whom the walk usually answers) and for the walk it replaced (issue #19), median of five runs.
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
            System.out.printf("%-16s %9s | %-6s %9s %9s | %-6s %9s %9s | %-6s %9s %9s%n", "viewer", "following",
                    "page", "buffers", "ms", "merge", "buffers", "ms", "walk", "buffers", "ms");
            for (String viewer : viewers) {
                long id;
                int following;
                try (ResultSet rs = statement.executeQuery(
                        "select id, following_count from users where username = '" + viewer + "'")) {
                    rs.next();
                    id = rs.getLong(1);
                    following = rs.getInt(2);
                }
                double[][] mergeAlone = mergeAlone(statement, id);
                String cursor = "";
                boolean merged = false; // the cursor's hint, as the application passes it on (HomeCursor)
                String walk = FeedService.WALK_SQL;
                String merge = FeedService.MERGE_SQL;
                for (int page = 1; page <= 5; page++) {
                    // the statements the application runs for this page (FeedService.home), their work summed
                    double[] work = {0, 0};
                    String[] next = null;
                    if (!merged) {
                        next = nextCursor(statement, walk, id, cursor);
                        add(work, page == 1 || page == 5 ? work(statement, walk, id, cursor) : new double[2]);
                    }
                    if (merged || next == null || next[1] == null) {
                        next = nextCursor(statement, merge, id, cursor);
                        add(work, page == 1 || page == 5 ? work(statement, merge, id, cursor) : new double[2]);
                        merged = true;
                    }
                    if (page == 1 || page == 5) {
                        double[] walkWork = withWalk ? work(statement, WALK_SQL, id, cursor) : new double[2];
                        double[] alone = mergeAlone[page == 1 ? 0 : 1];
                        System.out.printf("%-16s %9d | %-6d %9.0f %9.2f | %-6s %9.0f %9.2f | %-6s %9.0f %9.2f%n",
                                viewer, following, page, work[0], work[1], "", alone[0], alone[1], "", walkWork[0],
                                walkWork[1]);
                    }
                    if (next == null || next[0] == null) {
                        break;
                    }
                    cursor = next[0];
                }
            }
        }
    }

    /**
     * The merge's work on the first and the fifth page when it answers every page, whatever the walk would do:
     * its worst case for viewers whom the walk usually answers (accounts following busy accounts), which must not
     * grow with the posts either ({0, 0} for a page that does not exist).
     */
    private static double[][] mergeAlone(Statement statement, long viewer) throws SQLException {
        String merge = FeedService.MERGE_SQL;
        double[][] work = {new double[2], new double[2]};
        String cursor = "";
        for (int page = 1; page <= 5; page++) {
            if (page == 1 || page == 5) {
                work[page == 1 ? 0 : 1] = work(statement, merge, viewer, cursor);
            }
            String[] next = nextCursor(statement, merge, viewer, cursor);
            if (next[0] == null) {
                break;
            }
            cursor = next[0];
        }
        return work;
    }

    /**
     * A home-feed statement (FeedService.WALK_SQL, MERGE_SQL) as the application issues it for a page of 20, with
     * the viewer and the fetch size written in and the cursor predicate given as SQL ("" on a first page).
     */
    public static String statement(String template, long viewer, String cursorPredicate) {
        return template.formatted(cursorPredicate).replace(":viewer", Long.toString(viewer))
                .replace(":fetch", Integer.toString(FETCH)) + " limit " + FETCH;
    }

    /**
     * The predicate of the page after this one ([0], null on the last page), and [1] non-null when the statement
     * filled the page (all {@code FETCH} rows): a walk that did not leaves the page to the merge.
     */
    private static String[] nextCursor(Statement statement, String template, long viewer, String cursor)
            throws SQLException {
        String predicate = null;
        int row = 0;
        try (ResultSet rs = statement.executeQuery(statement(template, viewer, cursor))) {
            while (rs.next()) {
                if (++row == FETCH - 1) {
                    predicate = "and (p.created_at, p.id) < ('" + rs.getString("created_at") + "', "
                            + rs.getLong("id") + ")";
                }
            }
        }
        return new String[] {row == FETCH ? predicate : null, row == FETCH ? "full" : null};
    }

    private static void add(double[] sum, double[] work) {
        sum[0] += work[0];
        sum[1] += work[1];
    }

    /** Median shared buffers and execution milliseconds of RUNS executions. */
    private static double[] work(Statement statement, String template, long viewer, String cursor)
            throws SQLException {
        double[] buffers = new double[RUNS];
        double[] millis = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            try (ResultSet rs = statement.executeQuery("explain (analyze, buffers, format json) "
                    + statement(template, viewer, cursor))) {
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
