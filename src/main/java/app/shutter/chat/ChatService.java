package app.shutter.chat;

import app.shutter.common.security.ActionLimits;
import app.shutter.common.events.ClusterEvents;
import app.shutter.common.persistence.Rows;
import app.shutter.graph.Relationships;
import app.shutter.notification.NotificationType;
import app.shutter.notification.Notifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.Set;

/**
 * Sending a message: the rules, the row, the two conversation rows and the announcement, in one transaction.
 * Delivery to sockets happens on every instance once the announcement arrives, i.e. after commit.
 */
@ApplicationScoped
public class ChatService {

    @Inject
    Notifier notifier;

    @Inject
    ClusterEvents events;

    @Inject
    EntityManager em;

    @Inject
    ActionLimits limits;

    @Inject
    ChatPresence presence;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    private String sendSql;

    /**
     * @param origin the connection it came from, which gets the ack instead of the message frame
     * @return the ack; for a clientId already used by this sender, the original one (nothing new is stored)
     */
    @Transactional
    public ChatFrames.Ack send(long sender, long recipient, String text, String clientId, String origin) {
        return send(sender, recipient, text, clientId, origin, null);
    }

    /**
     * @param storyId the story this replies to, already checked to be the recipient's and visible to the sender;
     *                null for an ordinary message
     */
    @Transactional
    public ChatFrames.Ack send(long sender, long recipient, String text, String clientId, String origin,
                               Long storyId) {
        Tuple row = Rows.single(em.createNativeQuery(sendSql, Tuple.class)
                .setParameter("sender", sender).setParameter("recipient", recipient).setParameter("text", text)
                .setParameter("story", storyId == null ? 0L : storyId)
                .setParameter("clientId", clientId == null ? "" : clientId));
        Long earlier = Rows.idOrNull(row, "earlier_id");
        if (earlier != null) {
            return new ChatFrames.Ack(clientId, earlier, Rows.instant(row, "earlier_sent_at"));
        }
        if (!Rows.flag(row, "recipient_exists")) {
            throw new ChatError.Refusal(ChatError.UNKNOWN_RECIPIENT, "No such user to message");
        }
        if (!Rows.flag(row, "mutual")) {
            throw new ChatError.Refusal(ChatError.NOT_MUTUAL_FOLLOWERS,
                    "Only accounts that follow each other can message each other");
        }
        Long inserted = Rows.idOrNull(row, "id");
        if (inserted == null) {
            // the same clientId was stored by a concurrent resend, committed after this statement began
            return earlierAck(sender, clientId);
        }
        limits.count(sender, ActionLimits.Action.CHAT_MESSAGE); // over the hour's allowance: the insert rolls back
        ChatFrames.Message message = new ChatFrames.Message(inserted, sender, recipient, text,
                Rows.instant(row, "sent_at"), clientId, storyId);
        if (!Rows.flag(row, "recipient_online")) {
            // one notification per conversation: the newest message replaces the one before
            notifier.withdraw(NotificationType.MESSAGE, sender, recipient);
            notifier.notify(NotificationType.MESSAGE, sender, Set.of(recipient), null, null);
        }
        events.publish(ClusterEvents.Channel.CHAT,
                ChatAnnouncement.message(message, origin, ChatFrames.json(json, message)));
        metrics.counter("shutter.chat.messages").increment();
        return new ChatFrames.Ack(clientId, message.id(), message.sentAt());
    }

    /**
     * One statement does the whole send (it is the chat's hot path): the sender's earlier message with this
     * clientId, whether the recipient exists and is a mutual follower, the insert, both conversation rows
     * (the lower user id first, so two people writing to each other cannot deadlock), and whether the
     * recipient is online anywhere.
     */
    @PostConstruct
    void buildSendSql() {
        sendSql = """
                with earlier as (
                    select id, sent_at from messages where sender_id = :sender and client_id = :clientId
                ), recipient as (
                    select u.id, %s as mutual from users u
                    where u.id = :recipient and u.id <> :sender and u.hidden_at is null
                ), inserted as (
                    insert into messages (sender_id, recipient_id, text, client_id, story_id, story_reply)
                    select :sender, r.id, :text, nullif(:clientId, ''), nullif(:story, 0), :story <> 0
                    from recipient r
                    where r.mutual and not exists (select 1 from earlier)
                    on conflict (sender_id, client_id) where client_id is not null do nothing
                    returning id, sent_at
                ), touched as (
                    insert into conversations (user_id, other_id, last_message_id, last_at, unread_count)
                    select side.user_id, side.other_id, i.id, i.sent_at, side.unread
                    from inserted i cross join (values (:sender, :recipient, 0), (:recipient, :sender, 1))
                         as side (user_id, other_id, unread)
                    order by side.user_id
                    on conflict (user_id, other_id) do update
                    set last_message_id = excluded.last_message_id, last_at = excluded.last_at,
                        unread_count = conversations.unread_count + excluded.unread_count
                )
                select e.id as earlier_id, e.sent_at as earlier_sent_at, r.id is not null as recipient_exists,
                       coalesce(r.mutual, false) as mutual, i.id, i.sent_at, %s as recipient_online
                from (select 1) one left join earlier e on true left join recipient r on true
                     left join inserted i on true"""
                .formatted(Relationships.mutualFollowersSql(":sender", "u"), presence.onlineSql(":recipient"));
    }

    private ChatFrames.Ack earlierAck(long sender, String clientId) {
        Tuple row = Rows.single(em.createNativeQuery("select id, sent_at from messages where sender_id = :sender"
                        + " and client_id = :clientId", Tuple.class)
                .setParameter("sender", sender).setParameter("clientId", clientId));
        return new ChatFrames.Ack(clientId, Rows.id(row, "id"), Rows.instant(row, "sent_at"));
    }
}
