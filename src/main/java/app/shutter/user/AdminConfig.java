package app.shutter.user;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The first admin (prefix {@code shutter.admin}): admins then grant and take the moderator role. */
@ConfigMapping(prefix = "shutter.admin")
public interface AdminConfig {

    /** The username of the account that is an admin (SHUTTER_ADMIN_USERNAME), from startup or its registration. */
    Optional<String> username();
}
