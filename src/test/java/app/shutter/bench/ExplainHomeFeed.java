package app.shutter.bench;

import app.shutter.feed.FeedService;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prints EXPLAIN (ANALYZE, BUFFERS) of the home feed's first page and of a page after a cursor, with the
 * statements the application issues (the walk, and the merge it falls back to), for a benchmark user (default:
 * bench2, who follows ~200 accounts; the walk answers the pages of such an account).
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=app.shutter.bench.ExplainHomeFeed \
 *     -Dexec.args="jdbc:postgresql://localhost:5432/shutter shutter secret bench2"
 * </pre>
 */
public final class ExplainHomeFeed {

    private ExplainHomeFeed() {
    }

    public static void main(String[] args) throws SQLException {
        String username = args.length > 3 ? args[3] : "bench2";
        try (Connection connection = DriverManager.getConnection(args[0], args.length > 1 ? args[1] : null,
                args.length > 2 ? args[2] : null); Statement statement = connection.createStatement()) {
            long viewer;
            try (ResultSet rs = statement.executeQuery("select id from users where username = '" + username + "'")) {
                rs.next();
                viewer = rs.getLong(1);
            }
            String first = HomeFeedShapes.statement(FeedService.WALK_SQL, viewer, "");
            print(statement, "Home feed, first page (" + username + "), the walk", first);
            print(statement, "Home feed, first page (" + username + "), the merge",
                    HomeFeedShapes.statement(FeedService.MERGE_SQL, viewer, ""));
            String cursorAt;
            long cursorId;
            // the cursor after the first page: the keyset position (the last two columns) of its 20th row
            try (ResultSet rs = statement.executeQuery(first)) {
                int columns = rs.getMetaData().getColumnCount();
                for (int row = 0; row < 20; row++) {
                    rs.next();
                }
                cursorAt = rs.getString(columns - 1);
                cursorId = rs.getLong(columns);
            }
            String after = "and (p.created_at, p.id) < ('" + cursorAt + "', " + cursorId + ")";
            print(statement, "Home feed, page after a cursor, the walk",
                    HomeFeedShapes.statement(FeedService.WALK_SQL, viewer, after));
            print(statement, "Home feed, page after a cursor, the merge",
                    HomeFeedShapes.statement(FeedService.MERGE_SQL, viewer, after));
        }
    }

    private static void print(Statement statement, String title, String sql) throws SQLException {
        System.out.println("-- " + title);
        System.out.println(sql.replaceAll("\\s+", " "));
        try (ResultSet rs = statement.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                System.out.println(rs.getString(1));
            }
        }
        System.out.println();
    }
}
