package app.shutter.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Revoked sessions whose access tokens could still be unexpired, kept in memory so that every request
 * is checked without a database query. Filled at start, after each commit that revokes sessions, and
 * by a periodic poll that picks up revocations made by other instances.
 */
@ApplicationScoped
public class SessionRevocations {

    // session id -> when its last access token expires at the latest; after that the entry is useless
    private final Map<Long, Instant> revoked = new ConcurrentHashMap<>();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    public boolean isRevoked(long sessionId) {
        return revoked.containsKey(sessionId);
    }

    public void revoke(long sessionId, Instant forgetAfter) {
        if (revoked.putIfAbsent(sessionId, forgetAfter) == null) {
            listeners.forEach(listener -> listener.accept(sessionId));
        } else {
            revoked.merge(sessionId, forgetAfter, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Called once per newly revoked session, e.g. to end the live streams it opened. */
    public void onRevoked(LongConsumer listener) {
        listeners.add(listener);
    }

    /** Drops entries whose tokens have all expired. */
    public int forgetExpired(Instant now) {
        int before = revoked.size();
        revoked.values().removeIf(until -> until.isBefore(now));
        return before - revoked.size();
    }

    public int size() {
        return revoked.size();
    }
}
