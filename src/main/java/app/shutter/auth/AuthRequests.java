package app.shutter.auth;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;
import java.util.stream.Stream;

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

    /** The account is named by exactly one of login, username and email (the seeds' clients send the last two). */
    public record Login(
            @Schema(description = "Username or verified email (or send `username` or `email` instead)",
                    example = "jane.doe", nullable = true) @Size(max = 254) String login,
            @Schema(description = "Instead of login", nullable = true) @Size(max = 254) String username,
            @Schema(description = "Instead of login; only a verified address logs in", nullable = true)
            @Size(max = 254) String email,
            @Schema(example = "correct horse battery") @NotNull @Size(max = 1024) String password,
            @Schema(description = "The deviceToken this device got with an earlier login or registration, if any",
                    nullable = true) @Size(max = 100) String deviceToken) {

        @AssertTrue(message = "send exactly one of login, username and email")
        @Schema(hidden = true)
        public boolean isOneIdentifier() {
            return Stream.of(login, username, email).filter(v -> v != null && !v.isBlank()).count() == 1;
        }

        /** The identifier sent, whichever field carried it. */
        public String identifier() {
            return Stream.of(login, username, email).filter(v -> v != null && !v.isBlank()).findFirst()
                    .orElseThrow().trim();
        }
    }

    public record VerifyEmail(@Schema(example = "042917", description = "The 6-digit code mailed to the address")
                              @NotNull @Pattern(regexp = "^[0-9]{6}$", message = "must be the 6 digits mailed")
                              String code) {
    }

    /** Exactly one of email and username. */
    public record ForgotPassword(
            @Schema(example = "jane@example.com", nullable = true) @Size(max = 254) String email,
            @Schema(example = "jane.doe", nullable = true) @Size(max = 30) String username) {

        public ForgotPassword {
            email = email == null || email.isBlank() ? null : email.trim();
            username = username == null || username.isBlank() ? null : username.trim().toLowerCase(Locale.ROOT);
        }

        @AssertTrue(message = "send exactly one of email and username")
        @Schema(hidden = true)
        public boolean isOneIdentifier() {
            return (email == null) != (username == null);
        }
    }

    public record ResetPassword(@Schema(description = "The token from the mail") @NotBlank @Size(max = 200)
                                String token,
                                @NotNull @ValidPassword String newPassword) {
    }

    public record UndoEmailChange(@Schema(description = "The token of the link mailed to the old address")
                                  @NotBlank @Size(max = 200) String token) {
    }

    public record ConfirmPassword(@Schema(description = "Current password") @NotNull @Size(max = 1024) String password) {
    }

    public record TwoFactorCode(@Schema(example = "492039", description = "The 6-digit code the authenticator app shows")
                                @NotNull @Pattern(regexp = "^[0-9]{6}$", message = "must be the 6 digits the app shows")
                                String code) {
    }

    /** The second step of a login: the challenge and exactly one of a code and a recovery code. */
    public record SecondFactor(
            @Schema(description = "The challenge of the login's answer") @NotBlank @Size(max = 200) String challenge,
            @Schema(example = "492039", nullable = true) @Pattern(regexp = "^[0-9]{6}$",
                    message = "must be the 6 digits the app shows") String code,
            @Schema(example = "k3v9q-x7m2p", nullable = true) @Size(max = 40) String recoveryCode) {

        @AssertTrue(message = "send exactly one of code and recoveryCode")
        @Schema(hidden = true)
        public boolean isOneFactor() {
            return (code == null) != (recoveryCode == null);
        }
    }

    /** Turning two-factor login off: the password and exactly one of a code and a recovery code. */
    public record DisableTwoFactor(
            @Schema(description = "Current password") @NotNull @Size(max = 1024) String password,
            @Schema(nullable = true) @Pattern(regexp = "^[0-9]{6}$", message = "must be the 6 digits the app shows")
            String code,
            @Schema(nullable = true) @Size(max = 40) String recoveryCode) {

        @AssertTrue(message = "send exactly one of code and recoveryCode")
        @Schema(hidden = true)
        public boolean isOneFactor() {
            return (code == null) != (recoveryCode == null);
        }
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
