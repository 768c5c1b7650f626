package app.shutter.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

/** Request bodies of /auth. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record Register(
            @Schema(example = "jane.doe") @NotBlank
            @Pattern(regexp = "^[a-z0-9._]{3,30}$", message = "must be 3-30 of a-z, 0-9, '.' and '_'")
            String username,
            @Schema(example = "jane@example.com") @NotBlank @Size(max = 254)
            @Email(regexp = ".+@.+\\..+", message = "must be a valid email address")
            String email,
            @Schema(example = "correct horse battery", description = "8-72 bytes, not a common password")
            @NotNull @ValidPassword String password,
            @Schema(example = "Jane Doe") @Size(max = 50) String name,
            @Schema(example = "+44 20 7946 0958")
            @Pattern(regexp = "^\\+?[0-9 ()-]{6,20}$", message = "must be a phone number") String phone) {

        public Register {
            username = username == null ? null : username.trim().toLowerCase(Locale.ROOT);
            email = email == null ? null : email.trim();
        }
    }

    public record Login(
            @Schema(description = "Username or email", example = "jane.doe") @NotBlank @Size(max = 254) String login,
            @Schema(example = "correct horse battery") @NotNull @Size(max = 1024) String password,
            @Schema(description = "The deviceToken this device got with an earlier login or registration, if any",
                    nullable = true) @Size(max = 100) String deviceToken) {
    }

    public record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
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
