package app.shutter.bench;

import app.shutter.common.devenv.EmbeddedDatabase;
import app.shutter.common.devenv.EmbeddedPostgresLauncher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's PostgreSQL 18: the same embedded binaries as dev mode, but durable (fsync and synchronous
 * commit on, unlike the embedded default) and with pg_stat_statements, so the SQL the application issues can
 * be read back for the pgbench ceiling. Runs until killed; the data directory is kept.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=app.shutter.bench.BenchDatabase \
 *     -Dexec.args="/tmp/benchdb 55432"
 * </pre>
 */
public final class BenchDatabase {

    private BenchDatabase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BenchDatabase DATA_DIR PORT");
            System.exit(2);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("shared_buffers", "2GB");
        settings.put("max_connections", "300");
        settings.put("shared_preload_libraries", "pg_stat_statements");
        settings.put("pg_stat_statements.max", "5000");
        settings.put("timezone", "UTC");
        EmbeddedDatabase db = EmbeddedPostgresLauncher.start(Path.of(args[0]), Integer.parseInt(args[1]), settings);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            try (ResultSet current = statement.executeQuery(
                    "select current_setting('fsync'), current_setting('synchronous_commit'), version()")) {
                current.next();
                System.out.printf("PostgreSQL ready at %s (fsync=%s, synchronous_commit=%s): %s%n",
                        db.jdbcUrl(), current.getString(1), current.getString(2), current.getString(3));
            }
        }
        Thread.currentThread().join();
    }
}
