package app.shutter.notification;

import app.shutter.common.events.ClusterEvents;
import app.shutter.graph.Relationships;
import app.shutter.post.PostQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores notifications inside the transaction of the action behind them and announces each recipient
 * to every instance; the announcement goes out only if that transaction commits.
 */
@ApplicationScoped
public class Notifier {

    /**
     * Recipients that get one: not the actor, active, no block either way with the actor, able to see the
     * post (if any), and not notified of this very thing already. Each takes the next number of their
     * counter, whose row lock makes their notifications commit in number order; rows are locked in id
     * order so two notifications to the same people cannot deadlock.
     */
    private static final String INSERT = """
            with recipients as (
                select r.id from users r
                where r.id in (:recipients) and r.id <> :actor and r.hidden_at is null
                  and %s
                  and (:post = 0 or exists (select 1 from posts p join users u on u.id = p.author_id
                                            where p.id = :post and %s))
                  and not exists (select 1 from notifications n where n.recipient_id = r.id and n.type = :type
                                  and n.actor_id = :actor and coalesce(n.post_id, 0) = :post
                                  and coalesce(n.comment_id, 0) = :comment)
                order by r.id),
            numbered as (
                insert into notification_counters (user_id, seq) select id, 1 from recipients
                on conflict (user_id) do update set seq = notification_counters.seq + 1
                returning user_id, seq)
            insert into notifications (recipient_id, seq, type, actor_id, post_id, comment_id)
            select user_id, seq, :type, :actor, nullif(:post, 0), nullif(:comment, 0) from numbered
            on conflict do nothing
            returning recipient_id""".formatted(Relationships.notBlockedSql(":actor", "r"),
            PostQueries.visibleSql("r.id"));

    @Inject
    EntityManager em;

    @Inject
    ClusterEvents events;

    /** @return who was notified */
    public List<Long> notify(NotificationType type, long actor, Collection<Long> recipients, Long postId,
                             Long commentId) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> created = em.createNativeQuery(INSERT)
                .setParameter("recipients", recipients).setParameter("actor", actor)
                .setParameter("type", type.value()).setParameter("post", postId == null ? 0L : postId)
                .setParameter("comment", commentId == null ? 0L : commentId).getResultList();
        List<Long> notified = created.stream().map(Number::longValue).toList();
        notified.forEach(recipient -> events.publish(ClusterEvents.Channel.NOTIFICATIONS, recipient.toString()));
        return notified;
    }

    /** What a notice from Shutter says: the kind of object it is about, the decision, why, until when. */
    public record Notice(String targetKind, String outcome, String reason, Instant endsAt) {
    }

    /** Who gets a notice, about which object, and (for a reporter) their report. */
    public record Addressee(long recipient, Long targetId, Long reportId) {
    }

    /**
     * Stores one notice from Shutter (no actor) for each addressee, in one statement, and announces them.
     * Hidden (suspended) recipients get theirs too and read them when they return; deactivated ones do not.
     */
    public void notice(NotificationType type, Notice notice, List<Addressee> to) {
        if (to.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Number> created = em.createNativeQuery("""
                        with input as (
                            select * from unnest(cast(string_to_array(:recipients, ',') as bigint[]),
                                                 cast(string_to_array(:targets, ',', 'NULL') as bigint[]),
                                                 cast(string_to_array(:reports, ',', 'NULL') as bigint[]))
                                          as t (recipient_id, target_id, report_id)),
                        recipients as (
                            select i.* from input i join users r on r.id = i.recipient_id
                            where r.deactivated_at is null order by i.recipient_id),
                        numbered as (
                            insert into notification_counters (user_id, seq) select recipient_id, 1 from recipients
                            on conflict (user_id) do update set seq = notification_counters.seq + 1
                            returning user_id, seq)
                        insert into notifications (recipient_id, seq, type, actor_id, target_kind, target_id,
                                                   report_id, outcome, reason, ends_at)
                        select n.user_id, n.seq, :type, null, cast(:kind as varchar), r.target_id, r.report_id,
                               cast(:outcome as varchar),
                               cast(:reason as varchar), cast(:endsAt as timestamptz)
                        from numbered n join recipients r on r.recipient_id = n.user_id
                        returning recipient_id""")
                .setParameter("recipients", join(to, Addressee::recipient))
                .setParameter("targets", join(to, Addressee::targetId))
                .setParameter("reports", join(to, Addressee::reportId))
                .setParameter("type", type.value()).setParameter("kind", notice.targetKind())
                .setParameter("outcome", notice.outcome()).setParameter("reason", notice.reason())
                .setParameter("endsAt", notice.endsAt() == null ? null
                        : OffsetDateTime.ofInstant(notice.endsAt(), ZoneOffset.UTC))
                .getResultList();
        created.forEach(recipient -> events.publish(ClusterEvents.Channel.NOTIFICATIONS, recipient.toString()));
    }

    /** One text parameter for an array column: values joined by commas, an absent one as the SQL NULL. */
    private static String join(List<Addressee> to, Function<Addressee, Object> value) {
        return to.stream().map(value).map(v -> v == null ? "NULL" : v.toString())
                .collect(Collectors.joining(","));
    }

    /** The notification of this type from this actor to this recipient (a follow request, a chat message). */
    public void withdraw(NotificationType type, long actor, long recipient) {
        em.createNativeQuery("delete from notifications where type = :type and actor_id = :actor"
                        + " and recipient_id = :recipient")
                .setParameter("type", type.value()).setParameter("actor", actor).setParameter("recipient", recipient)
                .executeUpdate();
    }

    /** An unlike: the like's notification goes. */
    void withdrawLike(long actor, long post) {
        em.createNativeQuery("delete from notifications where type = 'like' and actor_id = :actor and post_id = :post")
                .setParameter("actor", actor).setParameter("post", post).executeUpdate();
    }

    /** A comment's like taken back: its notification goes. */
    void withdrawCommentLike(long actor, long comment) {
        em.createNativeQuery("delete from notifications where type = 'comment_like' and actor_id = :actor"
                        + " and comment_id = :comment")
                .setParameter("actor", actor).setParameter("comment", comment).executeUpdate();
    }

    /** A caption rewritten: accounts it no longer mentions lose their mention of the post. */
    void withdrawStaleCaptionMentions(long post) {
        em.createNativeQuery("""
                        delete from notifications where type = 'mention' and post_id = :post and comment_id is null
                          and not exists (select 1 from post_mentions m where m.post_id = :post
                                                                         and m.user_id = recipient_id)""")
                .setParameter("post", post).executeUpdate();
    }

    /** A follow or request ended: its notifications on both sides go. */
    void withdrawFollow(long follower, long followee) {
        em.createNativeQuery("""
                        delete from notifications
                        where (type in ('follow', 'follow_request') and actor_id = :follower and recipient_id = :followee)
                           or (type = 'follow_accepted' and actor_id = :followee and recipient_id = :follower)""")
                .setParameter("follower", follower).setParameter("followee", followee).executeUpdate();
    }

    /** A deactivated account's notifications, sent and received. */
    void withdrawAllOf(long user) {
        em.createNativeQuery("delete from notifications where actor_id = :user or recipient_id = :user")
                .setParameter("user", user).executeUpdate();
    }

    public void requestsBecameFollows(long followee) {
        em.createNativeQuery("update notifications set type = 'follow' where recipient_id = :followee"
                + " and type = 'follow_request'").setParameter("followee", followee).executeUpdate();
    }
}
