package app.shutter.graph;

import app.shutter.common.persistence.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * The graph questions every feature asks, each one indexed lookup, written once: posts, stories,
 * notifications and chat reuse them (and the SQL fragments for list queries).
 */
@ApplicationScoped
public class Relationships {

    /** SQL: no block between :viewer and the row aliased {@code u}, in either direction. */
    public static final String NOT_BLOCKED_SQL = notBlockedSql("u");

    /** SQL: whether :viewer follows the row aliased {@code u} (accepted). */
    public static final String FOLLOWED_BY_VIEWER_SQL = followedBySql(":viewer", "u");

    @Inject
    EntityManager em;

    /** SQL: no block between :viewer and the user row aliased {@code alias}, in either direction. */
    public static String notBlockedSql(String alias) {
        return notBlockedSql(":viewer", alias);
    }

    /** SQL: no block between the user id expression {@code viewer} and the user row {@code alias}. */
    public static String notBlockedSql(String viewer, String alias) {
        return """
                not exists (select 1 from blocks b where (b.blocker_id = %1$s and b.blocked_id = %2$s.id)
                                                      or (b.blocker_id = %2$s.id and b.blocked_id = %1$s))"""
                .formatted(viewer, alias);
    }

    /**
     * SQL: the user row aliased {@code u} is active and the user id expression {@code viewer} may see its
     * content (posts, stories): it is the viewer, or no block either way and public or followed.
     */
    public static String contentVisibleSql(String viewer) {
        return "u.hidden_at is null and (u.id = " + viewer + " or (" + notBlockedSql(viewer, "u")
                + " and (not u.is_private or " + followedBySql(viewer, "u") + ")))";
    }

    /** SQL: whether the user id expression {@code viewer} follows the user row {@code alias} (accepted). */
    public static String followedBySql(String viewer, String alias) {
        return followsSql(viewer, alias + ".id");
    }

    /** SQL: whether the user id expression {@code follower} follows {@code followee} (accepted). */
    private static String followsSql(String follower, String followee) {
        return """
                exists (select 1 from follows m where m.follower_id = %1$s and m.followee_id = %2$s
                                                 and m.status = 'accepted')""".formatted(follower, followee);
    }

    public Relationship between(long viewer, long target) {
        if (viewer == target) {
            return Relationship.SELF;
        }
        Tuple row = Rows.single(em.createNativeQuery("""
                        select exists (select 1 from follows where follower_id = :v and followee_id = :t
                                                               and status = 'accepted') as following,
                               exists (select 1 from follows where follower_id = :t and followee_id = :v
                                                               and status = 'accepted') as followed_by,
                               exists (select 1 from follows where follower_id = :v and followee_id = :t
                                                               and status = 'pending') as requested,
                               exists (select 1 from blocks where blocker_id = :v and blocked_id = :t) as blocking,
                               exists (select 1 from blocks where blocker_id = :t and blocked_id = :v) as blocked_by,
                               exists (select 1 from follows where follower_id = :v and followee_id = :t
                                                               and notify_posts) as post_notifications,
                               exists (select 1 from close_friends where user_id = :v
                                                                     and friend_id = :t) as close_friend""",
                        Tuple.class)
                .setParameter("v", viewer).setParameter("t", target));
        return new Relationship(Rows.flag(row, "following"), Rows.flag(row, "followed_by"),
                Rows.flag(row, "requested"), Rows.flag(row, "blocking"), Rows.flag(row, "blocked_by"),
                Rows.flag(row, "post_notifications"), Rows.flag(row, "close_friend"));
    }

    public boolean blockedEitherWay(long a, long b) {
        return (Boolean) em.createNativeQuery("""
                        select exists (select 1 from blocks where (blocker_id = :a and blocked_id = :b)
                                                               or (blocker_id = :b and blocked_id = :a))""")
                .setParameter("a", a).setParameter("b", b).getSingleResult();
    }

    /** Both follow each other (accepted) and neither blocks the other: who may chat. */
    public boolean areMutualFollowers(long a, long b) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from users u where u.id = :b and "
                        + mutualFollowersSql(":a", "u") + ")")
                .setParameter("a", a).setParameter("b", b).getSingleResult();
    }

    /**
     * SQL: the user id expression {@code viewer} and the user row {@code alias} follow each other (both
     * accepted) and neither blocks the other: who may chat.
     */
    public static String mutualFollowersSql(String viewer, String alias) {
        return followedBySql(viewer, alias) + " and " + followsSql(alias + ".id", viewer) + " and "
                + notBlockedSql(viewer, alias);
    }

    /** The owner is active, no block either way, and the account is public or the viewer follows it. */
    public boolean canSeeContent(long viewer, long owner) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from users u where u.id = :owner and "
                        + contentVisibleSql(":viewer") + ")")
                .setParameter("viewer", viewer).setParameter("owner", owner).getSingleResult();
    }
}
