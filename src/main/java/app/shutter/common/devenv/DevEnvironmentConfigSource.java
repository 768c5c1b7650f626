package app.shutter.common.devenv;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes dev mode and tests self-contained: starts an embedded PostgreSQL when no datasource URL is
 * configured, an embedded SMTP server (GreenMail) when no mail server is configured, and creates throwaway
 * JWT keys when none are configured. In the prod profile it does nothing unless
 * {@code shutter.embedded-db.enabled=true} / {@code shutter.embedded-smtp.enabled=true} (the demo flags),
 * because Quarkus also evaluates config sources while packaging.
 */
public class DevEnvironmentConfigSource implements ConfigSourceFactory {

    static final String EMBEDDED_DB_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    static final String EMBEDDED_SMTP_CLASS = "com.icegreen.greenmail.util.GreenMail";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean devOrTest = profiles.contains("dev") || profiles.contains("test");
        boolean test = profiles.contains("test");
        Map<String, String> properties = new HashMap<>();

        boolean embeddedDb = flag(context, "shutter.embedded-db.enabled", devOrTest)
                && !isSet(context, "quarkus.datasource.jdbc.url")
                && !flag(context, "shutter.dev-services", false);
        if (embeddedDb) {
            requireEmbeddedServerOnClassPath();
            Path dataDir = test ? null : Path.of(value(context, "shutter.embedded-db.data-dir", ".data/postgres"));
            int port = Integer.parseInt(value(context, "shutter.embedded-db.port", "0"));
            // pg_stat_statements: developers read the SQL's cost; tests measure the work of a request with it
            EmbeddedDatabase db = EmbeddedPostgresLauncher.start(dataDir, port,
                    Map.of("shared_preload_libraries", "pg_stat_statements"));
            properties.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
            properties.put("quarkus.datasource.username", db.username());
            properties.put("quarkus.datasource.password", db.password());
        }

        // asked for (the demo jar), or by default in dev and tests unless a mail server is configured; the
        // mailer's own default host (localhost) comes from a defaults source and does not count
        boolean embeddedSmtp = isSet(context, "shutter.embedded-smtp.enabled")
                ? flag(context, "shutter.embedded-smtp.enabled", false)
                : devOrTest && !isConfigured(context, "quarkus.mailer.host");
        if (embeddedSmtp) {
            requireOnClassPath(EMBEDDED_SMTP_CLASS, "shutter.embedded-smtp.enabled=true but this build has no "
                    + "embedded SMTP server: package with ./mvnw package -Pembedded-db, or set QUARKUS_MAILER_HOST");
            EmbeddedMailServer.Ports ports = EmbeddedMailServer.start(
                    Integer.parseInt(value(context, "shutter.embedded-smtp.port", "0")));
            properties.put("quarkus.mailer.host", "127.0.0.1");
            properties.put("quarkus.mailer.port", Integer.toString(ports.smtp()));
            properties.put("quarkus.mailer.mock", "false");
            properties.put("quarkus.mailer.tls", "false");
            properties.put("quarkus.mailer.start-tls", "DISABLED");
            // read by the mailbox route (common/devenv/CaughtMail), which exists only while this server runs
            properties.put("shutter.embedded-smtp.imap-port", Integer.toString(ports.imap()));
        }

        boolean keysConfigured = isSet(context, "smallrye.jwt.sign.key.location")
                || isSet(context, "smallrye.jwt.sign.key");
        if ((devOrTest || embeddedDb) && !keysConfigured) {
            Path keyDir = test ? Path.of("target", "test-keys") : Path.of(".data", "jwt-keys");
            ThrowawayJwtKeys keys = ThrowawayJwtKeys.loadOrCreate(keyDir);
            properties.put("smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString());
            properties.put("mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString());
        }
        return List.of(new PropertiesConfigSource(properties, "shutter-dev-environment", 150));
    }

    private static void requireEmbeddedServerOnClassPath() {
        requireOnClassPath(EMBEDDED_DB_CLASS, "shutter.embedded-db.enabled=true but this build has no embedded "
                + "PostgreSQL: package with ./mvnw package -Pembedded-db, or set QUARKUS_DATASOURCE_JDBC_URL");
    }

    private static void requireOnClassPath(String className, String missing) {
        try {
            Class.forName(className, false, DevEnvironmentConfigSource.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(missing);
        }
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /** Set by the user (a file, the environment, a system property), not by a source of defaults. */
    private static boolean isConfigured(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return isSet(context, name) && (value.getConfigSourceName() == null
                || !value.getConfigSourceName().toLowerCase(java.util.Locale.ROOT).contains("default"));
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        return isSet(context, name) ? context.getValue(name).getValue() : fallback;
    }

    private static boolean flag(ConfigSourceContext context, String name, boolean fallback) {
        return Boolean.parseBoolean(value(context, name, String.valueOf(fallback)));
    }
}
