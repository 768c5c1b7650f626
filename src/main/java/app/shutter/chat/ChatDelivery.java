package app.shutter.chat;

import app.shutter.common.events.ClusterEvents;
import app.shutter.common.persistence.Rows;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Hands announced messages and read receipts to the chat sockets this instance holds. Runs on the cluster
 * events' listener thread, in commit order: frames that came with the announcement, and read receipts, are
 * only passed to the sockets' event loops, so they go out from there, in order; a message too long to ride
 * along is read back on a worker.
 */
@ApplicationScoped
public class ChatDelivery implements ClusterEvents.Subscriber {

    private static final Logger LOG = Logger.getLogger(ChatDelivery.class);

    // A pool of its own, not one of Quarkus' or Vert.x's, because its queue is bounded: when reads fall behind,
    // the listener thread reads too, which slows delivery instead of piling announcements up in memory (the
    // managed executors queue without bound). Shut down with the application (stop).
    private final ExecutorService readers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1_000), ChatDelivery::daemon, new ThreadPoolExecutor.CallerRunsPolicy());

    @Inject
    ClusterEvents events;

    @Inject
    ChatConnections connections;

    @Inject
    LiveSockets sockets;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    void start(@Observes StartupEvent event) {
        events.subscribe(ClusterEvents.Channel.CHAT, this);
    }

    void stop(@Observes ShutdownEvent event) {
        readers.shutdownNow();
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "chat-delivery");
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void onEvent(String payload) {
        ChatAnnouncement announcement = ChatAnnouncement.parse(payload);
        if (announcement.kind() == 'r') {
            sendTo(List.of(announcement.second()), null,
                    ChatFrames.json(json, new ChatFrames.Read(announcement.first(), announcement.third())));
        } else if (announcement.frame() != null) {
            sendTo(List.of(announcement.second(), announcement.third()), announcement.origin(), announcement.frame());
        } else {
            readers.execute(() -> {
                try {
                    readAndDeliver(announcement);
                } catch (RuntimeException e) {
                    LOG.warn("Could not deliver a chat message", e);
                }
            });
        }
    }

    private void readAndDeliver(ChatAnnouncement announcement) {
        Tuple row = QuarkusTransaction.requiringNew().call(() -> Rows.list(em.createNativeQuery(
                        "select id, sender_id, recipient_id, text, sent_at, client_id, story_id from messages where id = :id",
                        Tuple.class)
                .setParameter("id", announcement.first())).stream().findFirst().orElse(null));
        if (row == null) {
            return;
        }
        long sender = Rows.id(row, "sender_id");
        long recipient = Rows.id(row, "recipient_id");
        sendTo(List.of(sender, recipient), announcement.origin(), ChatFrames.json(json, new ChatFrames.Message(
                Rows.id(row, "id"), sender, recipient, Rows.text(row, "text"), Rows.instant(row, "sent_at"),
                Rows.text(row, "client_id"), Rows.idOrNull(row, "story_id"))));
    }

    /** To every connection of the users except the one the message came from (it got the ack). */
    private void sendTo(List<Long> users, String except, String text) {
        for (Long user : users) {
            for (String id : connections.connectionsOf(user)) {
                if (!id.equals(except)) {
                    sockets.find(id).ifPresent(connection -> connection.sendText(text)
                            .subscribe().with(ok -> { }, failure -> LOG.debugf("Could not send to %s", id)));
                }
            }
        }
    }
}
