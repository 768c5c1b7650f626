package app.shutter.common.devenv;

/** Where the embedded PostgreSQL listens. */
public record EmbeddedDatabase(String jdbcUrl, String username, String password) {
}
