package app.shutter.notification;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.atomic.AtomicBoolean;

/** One open notification stream: whose it is, which session opened it, and the last sequence number sent. */
final class LiveStream {

    final long recipient;
    final long session;
    final SseEventSink sink;
    final Sse sse;
    // written only while holding the stream's lock (see NotificationStreams.catchUp)
    long lastSeq;
    final AtomicBoolean queued = new AtomicBoolean();
    volatile boolean closed;
    /** The Vert.x timer that ends the stream when its token expires. */
    volatile long expiryTimer = -1;

    LiveStream(long recipient, long session, SseEventSink sink, Sse sse, long lastSeq) {
        this.recipient = recipient;
        this.session = session;
        this.sink = sink;
        this.sse = sse;
        this.lastSeq = lastSeq;
    }
}
