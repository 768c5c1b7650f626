package app.shutter.chat;

import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's open sockets by connection id. Socket callbacks only get a proxy that works inside them;
 * the real connections arrive with the asynchronous open event, and OpenConnections.findByConnectionId walks
 * every socket (10 000 per chat frame under load), so delivery looks them up here.
 */
@ApplicationScoped
public class LiveSockets {

    private final Map<String, WebSocketConnection> live = new ConcurrentHashMap<>();

    @Inject
    OpenConnections connections;

    void opened(@ObservesAsync @io.quarkus.websockets.next.Open WebSocketConnection connection) {
        live.put(connection.id(), connection);
        if (connection.isClosed()) {
            live.remove(connection.id()); // closed before this event arrived
        }
    }

    /** From the socket's close callback. */
    void forget(String id) {
        live.remove(id);
    }

    Optional<WebSocketConnection> find(String id) {
        WebSocketConnection connection = live.get(id);
        // until the open event has arrived
        return connection != null ? Optional.of(connection) : connections.findByConnectionId(id);
    }
}
