package app.shutter.auth;

import app.shutter.user.Me;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AuthResponse(
        @Schema(description = "RS256 JWT for the Authorization: Bearer header") String accessToken,
        @Schema(description = "Opaque, single use; exchange at POST /auth/refresh") String refreshToken,
        @Schema(description = "Seconds until the access token expires", example = "900") long expiresIn,
        Me user) {
}
