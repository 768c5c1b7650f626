package app.shutter.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What the two-factor endpoints answer. */
public final class TwoFactorViews {

    private TwoFactorViews() {
    }

    public record Enrolment(
            @Schema(description = "The secret in base32, for apps that cannot scan") String secret,
            @Schema(description = "otpauth://totp/... as authenticator apps read it") String otpauthUri,
            @Schema(description = "The URI as a QR code: a PNG data: URI") String qrCode) {
    }

    public record RecoveryCodes(
            @Schema(description = "Ten single-use codes that replace a code from the app; shown this once")
            List<String> recoveryCodes) {
    }

    public record Status(boolean enabled,
                         @Schema(description = "Unused recovery codes") int recoveryCodesLeft) {
    }

    /** A login whose password was right, waiting for its second factor (POST /auth/login/2fa). */
    public record Challenge(
            @Schema(description = "Always true: no tokens yet") boolean twoFactorRequired,
            @Schema(description = "Send it to POST /auth/login/2fa with a code or a recovery code") String challenge,
            @Schema(description = "Seconds the challenge stays valid", example = "300") long expiresIn)
            implements LoginAnswer {
    }
}
