package app.shutter.chat;

import app.shutter.common.events.ClusterEvents;
import app.shutter.common.pagination.Keyset;
import app.shutter.graph.Relationships;
import app.shutter.notification.NotificationType;
import app.shutter.notification.Notifier;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;

/**
 * Sending a message: the rules, the row, the two conversation rows and the announcement, in one transaction.
 * Delivery to sockets happens on every instance once the announcement arrives, i.e. after commit.
 */
@ApplicationScoped
public class ChatService {

    @Inject
    Relationships relationships;

    @Inject
    Notifier notifier;

    @Inject
    ClusterEvents events;

    @Inject
    EntityManager em;

    @Inject
    ChatPresence presence;

    @Inject
    ChatConfig config;

    @Inject
    MeterRegistry metrics;

    /**
     * @param origin the connection it came from, which gets the ack instead of the message frame
     * @return the ack; for a clientId already used by this sender, the original one (nothing new is stored)
     */
    @Transactional
    public ChatFrames.Ack send(long sender, long recipient, String text, String clientId, String origin) {
        ChatFrames.Ack earlier = clientId == null ? null : earlierAck(sender, clientId);
        if (earlier != null) {
            return earlier;
        }
        boolean active = (Boolean) em.createNativeQuery("select exists (select 1 from users where id = :id"
                + " and deactivated_at is null)").setParameter("id", recipient).getSingleResult();
        if (!active || recipient == sender) {
            throw new ChatError.Refusal(ChatError.UNKNOWN_RECIPIENT, "No such user to message");
        }
        if (!relationships.areMutualFollowers(sender, recipient)) {
            throw new ChatError.Refusal(ChatError.NOT_MUTUAL_FOLLOWERS,
                    "Only accounts that follow each other can message each other");
        }
        List<?> inserted = em.createNativeQuery("""
                        insert into messages (sender_id, recipient_id, text, client_id)
                        values (:sender, :recipient, :text, nullif(:clientId, ''))
                        on conflict (sender_id, client_id) where client_id is not null do nothing
                        returning id, sent_at""")
                .setParameter("sender", sender).setParameter("recipient", recipient).setParameter("text", text)
                .setParameter("clientId", clientId == null ? "" : clientId).getResultList();
        if (inserted.isEmpty()) {
            // the same clientId was stored by a concurrent resend
            return earlierAck(sender, clientId);
        }
        Object[] row = (Object[]) inserted.get(0);
        long id = ((Number) row[0]).longValue();
        ChatFrames.Ack ack = new ChatFrames.Ack(clientId, id, Keyset.instant(row[1]));
        touchConversations(sender, recipient, id);
        if (!presence.isOnline(recipient)) {
            // one notification per conversation: the newest message replaces the one before
            notifier.withdraw("type = 'message' and actor_id = :sender and recipient_id = :recipient",
                    "sender", sender, "recipient", recipient);
            notifier.notify(NotificationType.MESSAGE, sender, Set.of(recipient), null, null);
        }
        events.publish(ClusterEvents.Channel.CHAT, ChatAnnouncement.message(id, origin));
        metrics.counter("shutter.chat.messages").increment();
        return ack;
    }

    private ChatFrames.Ack earlierAck(long sender, String clientId) {
        List<?> rows = em.createNativeQuery("select id, sent_at from messages where sender_id = :sender"
                        + " and client_id = :clientId")
                .setParameter("sender", sender).setParameter("clientId", clientId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new ChatFrames.Ack(clientId, ((Number) row[0]).longValue(), Keyset.instant(row[1]));
    }

    /** Both sides' rows; the lower user id first, so two people writing to each other cannot deadlock. */
    private void touchConversations(long sender, long recipient, long messageId) {
        em.createNativeQuery("""
                        insert into conversations (user_id, other_id, last_message_id, last_at, unread_count)
                        select side.user_id, side.other_id, m.id, m.sent_at, side.unread
                        from messages m cross join (values (:sender, :recipient, 0), (:recipient, :sender, 1))
                             as side (user_id, other_id, unread)
                        where m.id = :message
                        order by side.user_id
                        on conflict (user_id, other_id) do update
                        set last_message_id = excluded.last_message_id, last_at = excluded.last_at,
                            unread_count = conversations.unread_count + excluded.unread_count""")
                .setParameter("sender", sender).setParameter("recipient", recipient).setParameter("message", messageId)
                .executeUpdate();
    }
}
