package app.shutter.it;

import app.shutter.common.devenv.ThrowawayJwtKeys;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts one PostgreSQL and the packaged application twice against it (instances A and B, sharing the media
 * folder and the JWT keys as a deployment behind a load balancer would). Requests go to A unless a test
 * picks B's port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoInstances {

    SharedDatabase database;
    Path media;
    ShutterInstance a;
    ShutterInstance b;

    /** The media folder of an instance: the one both share, unless the media live elsewhere (a bucket). */
    Path folderOf(String instance) throws java.io.IOException {
        return media;
    }

    /** Settings (environment variables) both instances get on top of the defaults. */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void startInstances() throws Exception {
        database = SharedDatabase.start();
        media = Files.createTempDirectory("shutter-shared-images");
        ThrowawayJwtKeys keys = ThrowawayJwtKeys.loadOrCreate(Files.createTempDirectory("shutter-shared-keys"));
        String suffix = getClass().getSimpleName();
        a = ShutterInstance.start(suffix + "-a", database.connection(), keys, folderOf("a"), settings());
        b = ShutterInstance.start(suffix + "-b", database.connection(), keys, folderOf("b"), settings());
        RestAssured.port = a.port();
    }

    /** {@code select count(*) from <fromWhere>} on the shared database. */
    long count(String fromWhere) throws Exception {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + fromWhere)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @AfterAll
    void stopInstances() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
