package app.shutter.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One of the caller's sessions (a login on some device), as GET /users/me/sessions lists it. */
public record SessionView(
        long id,
        @Schema(description = "When the login happened") Instant createdAt,
        @Schema(description = "When its tokens were last refreshed; null if never") Instant lastRefreshedAt,
        @Schema(description = "The User-Agent of the login's request; null if none was sent") String userAgent,
        @Schema(description = "The network the login came from (an IPv4 /24 or an IPv6 /48), not the exact address")
        String clientAddress,
        @Schema(description = "The session of the token making this request") boolean current) {
}
