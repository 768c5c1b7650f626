package app.shutter.it;

import app.shutter.common.devenv.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL in the test JVM that application processes share, and that a test can stop and start
 * again on the same port with the same data (a database restart, as the instances see it).
 */
public final class SharedDatabase implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private SharedDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static SharedDatabase start() throws Exception {
        SharedDatabase database = new SharedDatabase(Files.createTempDirectory("shutter-shared-db"),
                ShutterInstance.freePort());
        database.startServer();
        try (Connection connection = database.postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database shutter");
        }
        return database;
    }

    public EmbeddedDatabase connection() {
        return new EmbeddedDatabase("jdbc:postgresql://localhost:" + port + "/shutter", "postgres", "postgres");
    }

    public Connection open() throws SQLException {
        EmbeddedDatabase db = connection();
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    /** Stops the server (fast shutdown: clients are disconnected, as in a restart or failover). */
    public void stop() throws IOException {
        postgres.close();
        postgres = null;
    }

    public void startServer() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory.toFile())
                .setCleanDataDirectory(false).start();
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            stop();
        }
    }
}
