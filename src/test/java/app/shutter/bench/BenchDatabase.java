package app.shutter.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

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
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(new File(args[0])).setCleanDataDirectory(false)
                .setPort(Integer.parseInt(args[1]))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "2GB")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.max", "5000")
                .setServerConfig("timezone", "UTC")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("stopping PostgreSQL: " + e);
            }
        }));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = 'shutter'")) {
                if (!exists.next()) {
                    statement.execute("create database shutter");
                }
            }
        }
        try (Connection connection = postgres.getDatabase("postgres", "shutter").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            try (ResultSet settings = statement.executeQuery(
                    "select current_setting('fsync'), current_setting('synchronous_commit'), version()")) {
                settings.next();
                System.out.printf("PostgreSQL ready on port %d (fsync=%s, synchronous_commit=%s): %s%n",
                        postgres.getPort(), settings.getString(1), settings.getString(2), settings.getString(3));
            }
        }
        Thread.currentThread().join();
    }
}
