package app.shutter.chat;

import app.shutter.common.error.ApiException;
import app.shutter.common.events.ClusterEvents;
import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.graph.Relationships;
import app.shutter.media.MediaItem;
import app.shutter.media.MediaUploads;
import app.shutter.story.StoryService;
import app.shutter.user.AccountEvents;
import app.shutter.user.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversations and messages over REST, and read state. */
@ApplicationScoped
public class ChatHistory {

    @Inject
    EntityManager em;

    @Inject
    ClusterEvents events;

    @Inject
    MediaUploads media;

    public record LastMessage(long id, long senderId, String messageText, Instant sentAt) {
    }

    public record Conversation(UserSummary user, LastMessage lastMessage, int unreadCount) {
    }

    public record StoredMessage(long id, long senderId, long recipientId, String messageText, Instant sentAt,
                                Instant readAt,
                                @Schema(description = "The story this message replies to; null for an ordinary"
                                        + " message") StoryReply story) {
    }

    /**
     * A reply's story: while it is live (and the reader is still in its audience) its id and media; once it has
     * expired or was deleted, {@code available} is false and the rest null ("story unavailable").
     */
    public record StoryReply(Long id, boolean available, MediaItem media) {
    }

    /** Columns of a message row (m) for :viewer, with its story when live and visible (s, left joined). */
    private static final String MESSAGE_COLUMNS = """
            m.id, m.sender_id, m.recipient_id, m.text, m.sent_at, m.read_at, m.story_reply,
            s.id as story_id, s.type, s.file, s.thumbnail_file, s.width, s.height, s.duration_ms, s.alt_text, s.blurhash""";

    private static final String WITH_STORY = " left join stories s on s.id = m.story_id and s.expires_at > now()"
            + " and " + StoryService.IN_AUDIENCE;

    private StoredMessage message(Tuple row) {
        StoryReply story = null;
        if (Rows.flag(row, "story_reply")) {
            Long live = Rows.idOrNull(row, "story_id");
            story = live == null ? new StoryReply(null, false, null) : new StoryReply(live, true, media.item(row, null));
        }
        return new StoredMessage(Rows.id(row, "id"), Rows.id(row, "sender_id"), Rows.id(row, "recipient_id"),
                Rows.text(row, "text"), Rows.instant(row, "sent_at"), Rows.instant(row, "read_at"), story);
    }

    public record ReadRequest(Long upToId) {
    }

    /** A message the viewer received, if it exists and was sent to them (what they may report). */
    @Transactional
    public Optional<StoredMessage> received(long viewer, long messageId) {
        return Rows.list(em.createNativeQuery("select " + MESSAGE_COLUMNS + " from messages m" + WITH_STORY
                                + " where m.id = :id and m.recipient_id = :viewer", Tuple.class)
                        .setParameter("id", messageId).setParameter("viewer", viewer)).stream()
                .map(this::message).findFirst();
    }

    /** A message the viewer sent (the answer to a story reply). */
    @Transactional(Transactional.TxType.MANDATORY)
    StoredMessage sent(long viewer, long messageId) {
        return message(Rows.single(em.createNativeQuery("select " + MESSAGE_COLUMNS + " from messages m" + WITH_STORY
                        + " where m.id = :id and m.sender_id = :viewer", Tuple.class)
                .setParameter("id", messageId).setParameter("viewer", viewer)));
    }

    /** Most recent first; people one blocks or is blocked by are left out. */
    @Transactional
    public Page<Conversation> conversations(long viewer, PageRequest page) {
        List<Tuple> rows = Rows.list(Keyset.query(em, """
                        select u.id, u.username, u.name, u.avatar_file as avatar_file, u.is_private,
                               m.id as message_id, m.sender_id, m.text, m.sent_at, c.unread_count,
                               c.last_at as key_at, c.other_id as key_id
                        from conversations c join users u on u.id = c.other_id join messages m on m.id = c.last_message_id
                        where c.user_id = :viewer and u.hidden_at is null
                          and %s
                        %%s order by c.last_at desc, c.other_id desc""".formatted(Relationships.NOT_BLOCKED_SQL),
                        "(c.last_at, c.other_id)", page)
                .setParameter("viewer", viewer));
        return Page.of(rows, page, Keyset::position, row -> new Conversation(
                UserSummary.of(row, ""),
                new LastMessage(Rows.id(row, "message_id"), Rows.id(row, "sender_id"), Rows.text(row, "text"),
                        Rows.instant(row, "sent_at")),
                Rows.count(row, "unread_count")));
    }

    /** Newest first. Readable after the two stop following each other; 404 across a block. */
    @Transactional
    public Page<StoredMessage> messages(long viewer, long other, PageRequest page) {
        ensureReachable(viewer, other);
        List<Tuple> rows = Rows.list(Keyset.query(em, "select " + MESSAGE_COLUMNS
                        + ", m.sent_at as key_at, m.id as key_id from messages m" + WITH_STORY + " " + """
                        where least(m.sender_id, m.recipient_id) = least(:viewer, :other)
                          and greatest(m.sender_id, m.recipient_id) = greatest(:viewer, :other)
                        %s order by m.sent_at desc, m.id desc""", "(m.sent_at, m.id)", page)
                .setParameter("viewer", viewer).setParameter("other", other));
        return Page.of(rows, page, Keyset::position, this::message);
    }

    /** Marks the other's messages to the viewer read (all, or up to an id) and tells the other's sockets. */
    @Transactional
    public void markRead(long viewer, long other, Long upToId) {
        ensureReachable(viewer, other);
        Number last = (Number) em.createNativeQuery("""
                        with marked as (update messages set read_at = now()
                                        where recipient_id = :viewer and sender_id = :other and read_at is null
                                          and id <= :upTo returning id)
                        select max(id) from marked""")
                .setParameter("viewer", viewer).setParameter("other", other)
                .setParameter("upTo", upToId == null ? Long.MAX_VALUE : upToId).getSingleResult();
        if (last == null) {
            return;
        }
        em.createNativeQuery("""
                        update conversations set unread_count = (select count(*) from messages
                            where recipient_id = :viewer and sender_id = :other and read_at is null)
                        where user_id = :viewer and other_id = :other""")
                .setParameter("viewer", viewer).setParameter("other", other).executeUpdate();
        events.publish(ClusterEvents.Channel.CHAT, ChatAnnouncement.read(viewer, other, last.longValue()));
    }

    /** A deleted account's conversations go from both sides' lists, with the messages in them. */
    void onDeactivated(@Observes AccountEvents.Deactivated event) {
        for (String sql : List.of("delete from conversations where user_id = :user or other_id = :user",
                "delete from messages where sender_id = :user or recipient_id = :user",
                "delete from chat_presence where user_id = :user")) {
            em.createNativeQuery(sql).setParameter("user", event.userId()).executeUpdate();
        }
    }

    private void ensureReachable(long viewer, long other) {
        boolean reachable = (Boolean) em.createNativeQuery("""
                        select exists (select 1 from users u where u.id = :other and u.hidden_at is null
                            and u.id <> :viewer and %s)""".formatted(Relationships.NOT_BLOCKED_SQL))
                .setParameter("viewer", viewer).setParameter("other", other).getSingleResult();
        if (!reachable) {
            throw ApiException.notFound("No such user");
        }
    }
}
