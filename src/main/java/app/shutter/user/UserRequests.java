package app.shutter.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

/** Request bodies of /users/me/* that change the profile (credentials: auth/AuthRequests). */
public final class UserRequests {

    private UserRequests() {
    }

    public record ChangeUsername(
            @Schema(example = "jane.d") @NotBlank
            @Pattern(regexp = "^[a-z0-9._]{3,30}$", message = "must be 3-30 of a-z, 0-9, '.' and '_'")
            String username) {

        public ChangeUsername {
            username = username == null ? null : username.trim().toLowerCase(Locale.ROOT);
        }
    }
}
