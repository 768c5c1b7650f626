package app.shutter.auth;

import java.time.Instant;
import java.util.List;

/** Fired inside the transaction that revokes sessions; observers act after it commits. */
public record SessionsRevoked(List<Long> sessionIds, Instant revokedAt) {
}
