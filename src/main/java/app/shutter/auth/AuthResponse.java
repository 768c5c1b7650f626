package app.shutter.auth;

import app.shutter.user.Me;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AuthResponse(
        @Schema(description = "RS256 JWT for the Authorization: Bearer header") String accessToken,
        @Schema(description = "Opaque, single use; exchange at POST /auth/refresh") String refreshToken,
        @Schema(description = "Seconds until the access token expires", example = "900") long expiresIn,
        Me user,
        @Schema(description = "Returned by login and registration: keep it on this device and send it with its later"
                + " logins; a device that has logged in before is exempt from the account-wide limit on failed"
                + " logins. Null on refresh", nullable = true)
        String deviceToken) implements LoginAnswer {

    AuthResponse withDeviceToken(String token) {
        return new AuthResponse(accessToken, refreshToken, expiresIn, user, token);
    }
}
