package app.shutter.chat;

import app.shutter.common.security.SessionRevocations;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chat connections this instance holds: their presence ({@link ChatPresence}, so every instance knows
 * who is online), their rate limits, and closing them (1008) when their token expires, their session ends or
 * the account has too many. {@link ChatDelivery} sends them what is announced.
 */
@ApplicationScoped
public class ChatConnections {

    static final CloseReason TOKEN_EXPIRED = new CloseReason(1008, "token expired");
    static final CloseReason SESSION_ENDED = new CloseReason(1008, "session ended");
    static final CloseReason RATE_LIMITED = new CloseReason(1008, "rate limited");
    static final CloseReason TOO_MANY = new CloseReason(1008, "too many connections");
    static final CloseReason GOING_AWAY = new CloseReason(1001, "server shutting down");

    /** By id: the injected connection is a proxy that only works inside that connection's callbacks. */
    private record Open(String id, long user, long session, Bucket bucket, AtomicInteger refusedInARow,
                        long expiryTimer) {
    }

    private volatile boolean draining;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    // delivery looks a user's connections up here instead of walking every open connection per message
    private final Map<Long, Set<String>> byUser = new ConcurrentHashMap<>();

    // token expiries are timers of the application's Vert.x (no thread of their own); closing is non-blocking
    @Inject
    Vertx vertx;

    @Inject
    SessionRevocations revocations;

    @Inject
    ChatConfig config;

    @Inject
    LiveSockets sockets;

    @Inject
    ChatPresence presence;

    @Inject
    MeterRegistry metrics;

    void start(@Observes StartupEvent event) {
        metrics.gauge("shutter.chat.connections", open, Map::size);
        revocations.onRevoked(session -> open.values().stream().filter(o -> o.session() == session)
                .forEach(o -> close(o.id(), SESSION_ENDED)));
    }

    /**
     * Clients reconnect to another instance on 1001 (going away). This runs as shutdown begins, before the
     * server waits for running requests (quarkus.shutdown.delay-enabled), so sockets never hold it up.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
        open.keySet().forEach(id -> close(id, GOING_AWAY));
    }

    void stop(@Observes ShutdownEvent event) {
        drain(null);
    }

    /** @param expiresAt the token's expiry, epoch seconds */
    public void opened(WebSocketConnection connection, long user, long session, long expiresAt) {
        Bucket bucket = Bucket.builder().addLimit(Bandwidth.builder().capacity(config.messagesPerWindow())
                .refillGreedy(config.messagesPerWindow(), config.rateWindow()).build()).build();
        String id = connection.id();
        long expiryTimer = vertx.setTimer(Math.max(1, expiresAt * 1000 - System.currentTimeMillis()),
                timer -> close(id, TOKEN_EXPIRED));
        open.put(id, new Open(id, user, session, bucket, new AtomicInteger(), expiryTimer));
        // add and remove both run inside the map's per-key compute, so they cannot interleave
        byUser.compute(user, (key, ids) -> {
            Set<String> updated = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            updated.add(id);
            return updated;
        });
        if (!presence.register(id, user)) {
            close(id, TOO_MANY);
        } else if (revocations.isRevoked(session)) {
            close(id, SESSION_ENDED);
        } else if (draining) {
            close(id, GOING_AWAY);
        }
    }

    public void closed(WebSocketConnection connection) {
        sockets.forget(connection.id());
        Open gone = open.remove(connection.id());
        if (gone != null) {
            vertx.cancelTimer(gone.expiryTimer());
            byUser.computeIfPresent(gone.user(), (user, ids) -> {
                ids.remove(gone.id());
                return ids.isEmpty() ? null : ids;
            });
        }
        presence.remove(connection.id());
    }

    /**
     * One frame's worth of the connection's rate. @return false if over it; after too many refusals in a
     * row the connection is closed.
     */
    public boolean withinRate(WebSocketConnection connection) {
        Open state = open.get(connection.id());
        if (state == null || state.bucket().tryConsume(1)) {
            if (state != null) {
                state.refusedInARow().set(0);
            }
            return true;
        }
        if (state.refusedInARow().incrementAndGet() >= config.rateLimitedBeforeClose()) {
            close(state.id(), RATE_LIMITED);
        }
        return false;
    }

    /** The ids of the user's open connections on this instance (delivery looks them up per message). */
    Set<String> connectionsOf(long user) {
        return byUser.getOrDefault(user, Set.of());
    }

    private void close(String id, CloseReason reason) {
        sockets.find(id).filter(WebSocketConnection::isOpen)
                .ifPresent(connection -> connection.close(reason).subscribe().with(ok -> { }, failure -> { }));
    }
}
