package app.shutter.user;

import app.shutter.auth.ValidPassword;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

/** Request bodies of /users/me/*. */
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

    public record ChangeEmail(
            @Schema(example = "jane@example.org") @NotBlank @Size(max = 254)
            @Email(regexp = ".+@.+\\..+", message = "must be a valid email address") String email,
            @Schema(description = "Current password") @NotNull @Size(max = 1024) String password) {

        public ChangeEmail {
            email = email == null ? null : email.trim();
        }
    }

    public record ChangePassword(@NotNull @Size(max = 1024) String currentPassword,
                                 @NotNull @ValidPassword String newPassword) {
    }

    public record DeleteAccount(@Schema(description = "Current password") @NotNull @Size(max = 1024) String password) {
    }
}
