package app.shutter.graph;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.user.AccountEvents;
import app.shutter.user.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * An account's close friends: the people its close-friends stories are shared with. Nobody is told that they
 * were added or removed; only the owner reads the list. Stories read {@link #includesSql}.
 */
@ApplicationScoped
public class CloseFriends {

    public record CloseFriend(UserSummary user, Instant addedAt) {
    }

    @Inject
    GraphService graph;

    @Inject
    EntityManager em;

    /** SQL: the user id expression {@code owner} has {@code friend} on its close friends: one primary-key probe. */
    public static String includesSql(String owner, String friend) {
        return "exists (select 1 from close_friends cf where cf.user_id = %s and cf.friend_id = %s)"
                .formatted(owner, friend);
    }

    /** Idempotent; an account blocked either way cannot be added. */
    @Transactional
    public void add(long viewer, String username) {
        GraphService.Target target = graph.target(viewer, username);
        if (target.user().id == viewer) {
            throw ApiException.badRequest("You cannot add yourself to your close friends");
        }
        if (target.relationship().blocking()) {
            throw ApiException.conflict("Unblock this account before adding it to your close friends");
        }
        em.createNativeQuery("insert into close_friends (user_id, friend_id) values (:viewer, :friend)"
                        + " on conflict do nothing")
                .setParameter("viewer", viewer).setParameter("friend", target.user().id).executeUpdate();
    }

    /** Idempotent. */
    @Transactional
    public void remove(long viewer, String username) {
        long friend = graph.target(viewer, username).user().id;
        em.createNativeQuery("delete from close_friends where user_id = :viewer and friend_id = :friend")
                .setParameter("viewer", viewer).setParameter("friend", friend).executeUpdate();
    }

    /** The viewer's close friends, most recently added first. */
    @Transactional
    public Page<CloseFriend> list(long viewer, PageRequest page) {
        return Page.of(Rows.list(Keyset.query(em, """
                        select %s, c.created_at as key_at, c.friend_id as key_id
                        from close_friends c join users u on u.id = c.friend_id
                        where c.user_id = :viewer and u.hidden_at is null %%s
                        order by c.created_at desc, c.friend_id desc""".formatted(UserSummary.columns("u", "")),
                "(c.created_at, c.friend_id)", page).setParameter("viewer", viewer)), page, Keyset::position,
                row -> new CloseFriend(UserSummary.of(row, ""), Rows.instant(row, "key_at")));
    }

    /** A block ends the blocker's and the blocked's places on each other's lists. */
    void onBlocked(@Observes GraphEvents.Blocked event) {
        em.createNativeQuery("delete from close_friends where (user_id = :a and friend_id = :b)"
                        + " or (user_id = :b and friend_id = :a)")
                .setParameter("a", event.blocker()).setParameter("b", event.blocked()).executeUpdate();
    }

    /** A deleted account leaves every list it was on, and its own list goes. */
    void onDeactivated(@Observes AccountEvents.Deactivated event) {
        em.createNativeQuery("delete from close_friends where user_id = :user or friend_id = :user")
                .setParameter("user", event.userId()).executeUpdate();
    }
}
