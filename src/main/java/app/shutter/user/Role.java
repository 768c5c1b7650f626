package app.shutter.user;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Set;

/** What an account may do beyond using the app; the access token carries it as groups. */
public enum Role {
    USER, MODERATOR, ADMIN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The token's groups: an admin is also a moderator, everybody is a user. */
    public Set<String> groups() {
        return switch (this) {
            case USER -> Set.of("user");
            case MODERATOR -> Set.of("user", "moderator");
            case ADMIN -> Set.of("user", "moderator", "admin");
        };
    }
}
