package app.shutter.notification;

import app.shutter.common.error.ApiException;
import app.shutter.common.events.ClusterEvents;
import app.shutter.common.security.SessionRevocations;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The notification streams this instance holds. An announcement for a recipient (from any instance, see
 * {@link ClusterEvents}) makes each of their streams catch up from the table after the last sequence number
 * it sent, so live delivery, resuming and reconnecting are one code path and nothing is sent twice or lost.
 */
@ApplicationScoped
public class NotificationStreams implements ClusterEvents.Subscriber {

    private static final Logger LOG = Logger.getLogger(NotificationStreams.class);
    private static final int BATCH = 100;
    private static final long RECONNECT_DELAY_MILLIS = 3_000;

    @Inject
    NotificationQueries queries;

    @Inject
    ClusterEvents events;

    @Inject
    SessionRevocations revocations;

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry metrics;

    private final Map<Long, Set<LiveStream>> byRecipient = new ConcurrentHashMap<>();
    private final Map<SseEventSink, LiveStream> bySink = new ConcurrentHashMap<>();
    private SseBroadcaster departures;
    private volatile boolean draining;
    // Timers (heartbeats, token expiries) are the application's Vert.x timers; catch-ups and heartbeats run on a
    // worker pool of the same Vert.x, of their own so that a slow client (a send waits up to 10 s) never holds
    // the threads requests run on. The listener thread only hands work over.
    @Inject
    Vertx vertx;

    private WorkerExecutor workers;
    private long heartbeatTimer;

    void start(@Observes StartupEvent event) {
        metrics.gauge("shutter.sse.streams", byRecipient, streams -> streams.values().stream().mapToInt(Set::size).sum());
        workers = vertx.createSharedWorkerExecutor("notification-streams", 2);
        events.subscribe(ClusterEvents.Channel.NOTIFICATIONS, this);
        revocations.onRevoked(session -> all().stream().filter(s -> s.session == session).forEach(this::close));
        heartbeatTimer = vertx.setPeriodic(config.heartbeat().toMillis(),
                timer -> all().forEach(s -> submit(() -> heartbeat(s))));
    }

    /**
     * Streams end as shutdown begins, before the server waits for running requests (an open stream is one),
     * and EventSource clients reconnect elsewhere with their Last-Event-ID.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
        all().forEach(this::close);
    }

    void stop(@Observes ShutdownEvent event) {
        drain(null);
        vertx.cancelTimer(heartbeatTimer);
        workers.close();
    }

    /**
     * @param resumeAfter the Last-Event-ID, or null to send only what is stored from now on
     * @param expiresAt   the token's expiry (epoch seconds): the stream ends then
     */
    public void open(long recipient, long session, long expiresAt, Long resumeAfter, SseEventSink sink, Sse sse) {
        Set<LiveStream> open = byRecipient.get(recipient);
        if (open != null && open.size() >= config.maxStreamsPerUser()) {
            throw ApiException.tooManyRequests("At most " + config.maxStreamsPerUser()
                    + " notification streams may be open per account; close one first", 5);
        }
        long start = resumeAfter != null ? resumeAfter
                : QuarkusTransaction.requiringNew().call(() -> queries.lastSeq(recipient));
        LiveStream stream = new LiveStream(recipient, session, sink, sse, start);
        byRecipient.computeIfAbsent(recipient, id -> ConcurrentHashMap.newKeySet()).add(stream);
        bySink.put(sink, stream);
        departures(sse).register(sink);
        stream.expiryTimer = vertx.setTimer(Math.max(1, expiresAt * 1000 - System.currentTimeMillis()),
                timer -> close(stream));
        // Sent on the request's thread, before anything else can write: it opens the response at once, and
        // retry tells EventSource how long to wait before reconnecting.
        if (draining) {
            close(stream);
        } else if (send(stream, sse.newEventBuilder().comment("connected").reconnectDelay(RECONNECT_DELAY_MILLIS)
                .build())) {
            schedule(stream);
        }
    }

    @Override
    public void onEvent(String payload) {
        Set<LiveStream> streams = byRecipient.get(Long.parseLong(payload));
        if (streams != null) {
            streams.forEach(this::schedule);
        }
    }

    @Override
    public void onReconnect() {
        all().forEach(this::schedule);
    }

    private void schedule(LiveStream stream) {
        if (stream.queued.compareAndSet(false, true)) {
            submit(() -> catchUp(stream));
        }
    }

    private void catchUp(LiveStream stream) {
        stream.queued.set(false);
        synchronized (stream) {
            try {
                List<NotificationQueries.Delivery> batch;
                do {
                    batch = QuarkusTransaction.requiringNew()
                            .call(() -> queries.after(stream.recipient, stream.lastSeq, BATCH));
                    for (NotificationQueries.Delivery delivery : batch) {
                        if (!send(stream, stream.sse.newEventBuilder().id(Long.toString(delivery.seq()))
                                .name(delivery.notification().type().value())
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(NotificationView.class, delivery.notification()).build())) {
                            return;
                        }
                        stream.lastSeq = delivery.seq();
                    }
                } while (batch.size() == BATCH);
            } catch (RuntimeException e) {
                LOG.warn("Could not catch a notification stream up; it ends and its client resumes", e);
                close(stream);
            }
        }
    }

    private void heartbeat(LiveStream stream) {
        synchronized (stream) {
            send(stream, stream.sse.newEventBuilder().comment("keep-alive").build());
        }
    }

    /** @return false if the client is gone (the stream is closed then) */
    private boolean send(LiveStream stream, OutboundSseEvent event) {
        if (stream.closed || stream.sink.isClosed()) {
            close(stream);
            return false;
        }
        try {
            stream.sink.send(event).toCompletableFuture().get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            close(stream);
            return false;
        }
    }

    /**
     * Told when a client goes (Quarkus closes the stream's sink when its connection closes), so that the slot is
     * free at once for the client's reconnection, not only when the next heartbeat fails to reach it.
     */
    private SseBroadcaster departures(Sse sse) {
        synchronized (bySink) {
            if (departures == null) {
                departures = sse.newBroadcaster();
                departures.onClose(sink -> {
                    LiveStream gone = bySink.get(sink);
                    if (gone != null) {
                        close(gone);
                    }
                });
            }
            return departures;
        }
    }

    private void close(LiveStream stream) {
        stream.closed = true;
        bySink.remove(stream.sink);
        Set<LiveStream> streams = byRecipient.get(stream.recipient);
        if (streams != null) {
            streams.remove(stream);
        }
        if (stream.expiryTimer >= 0) {
            vertx.cancelTimer(stream.expiryTimer);
        }
        try {
            stream.sink.close();
        } catch (RuntimeException e) {
            LOG.debug("Stream already closed", e);
        }
    }

    private List<LiveStream> all() {
        return byRecipient.values().stream().flatMap(Set::stream).toList();
    }

    private void submit(Runnable work) {
        workers.executeBlocking(() -> {
            work.run();
            return null;
        }, false);
    }
}
