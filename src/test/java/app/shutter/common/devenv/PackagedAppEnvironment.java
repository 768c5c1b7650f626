package app.shutter.common.devenv;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * What the packaged application needs from outside when the integration tests start it as production
 * would run: a PostgreSQL (embedded, started here in the test JVM) and a JWT key pair.
 */
public class PackagedAppEnvironment implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            EmbeddedDatabase db = EmbeddedPostgresLauncher.start(null, 0);
            ThrowawayJwtKeys keys = ThrowawayJwtKeys.loadOrCreate(Files.createTempDirectory("shutter-it-keys"));
            return Map.of(
                    "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                    "quarkus.datasource.username", db.username(),
                    "quarkus.datasource.password", db.password(),
                    "mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString(),
                    "smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString(),
                    "shutter.media.directory", Files.createTempDirectory("shutter-it-images").toString(),
                    // every test client comes from 127.0.0.1
                    "shutter.auth.rate-limit.registrations-per-address", "1000");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the embedded server stops with the test JVM (shutdown hook)
    }
}
