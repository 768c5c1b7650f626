package app.shutter.graph;

import app.shutter.common.security.ActionLimits;
import app.shutter.common.error.ApiException;
import app.shutter.user.AccountEvents;
import app.shutter.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Locale;
import java.util.Optional;

/** Follows, requests and blocks: the rules, one transaction per change. */
@ApplicationScoped
public class GraphService {

    @Inject
    Follows follows;

    @Inject
    Event<Object> events;

    @Inject
    Relationships relationships;

    @Inject
    EntityManager em;

    @Inject
    ActionLimits limits;

    /** A visible account (not deactivated, not suspended) that does not block the viewer; else 404. */
    public Target target(long viewer, String username) {
        return target(viewer, User.findVisibleByUsername(username.toLowerCase(Locale.ROOT)));
    }

    private Target target(long viewer, Optional<User> found) {
        User user = found.orElseThrow(() -> ApiException.notFound("No such user"));
        Relationship relationship = relationships.between(viewer, user.id);
        if (relationship.blockedBy()) {
            throw ApiException.notFound("No such user");
        }
        return new Target(user, relationship);
    }

    public record Target(User user, Relationship relationship) {
    }

    /**
     * The account whose posts or stories the viewer lists: 404 across a block either way, 403 for a private
     * account the viewer does not follow.
     */
    public User contentOwner(long viewer, String username, String what) {
        Target target = target(viewer, username);
        if (target.relationship().blocking()) {
            throw ApiException.notFound("No such user");
        }
        if (target.user().isPrivate && target.user().id != viewer && !target.relationship().following()) {
            throw ApiException.forbidden("This account is private; follow it to see its " + what);
        }
        return target.user();
    }

    @Transactional
    public PublicProfile profile(long viewer, String username) {
        return profile(target(viewer, username));
    }

    /** The same profile by account id (chat frames and notifications name accounts by id). */
    @Transactional
    public PublicProfile profile(long viewer, long id) {
        return profile(target(viewer, User.findVisibleById(id)));
    }

    private static PublicProfile profile(Target target) {
        return target.relationship().blocking() ? PublicProfile.contentFree(target.user(), target.relationship())
                : PublicProfile.of(target.user(), target.relationship());
    }

    @Transactional
    public Follows.Status follow(long viewer, String username) {
        Target target = target(viewer, username);
        if (target.user().id == viewer) {
            throw ApiException.badRequest("You cannot follow yourself");
        }
        if (target.relationship().blocking()) {
            throw ApiException.forbidden("You block this account; unblock it first");
        }
        limits.count(viewer, ActionLimits.Action.FOLLOW);
        return follows.follow(viewer, target.user().id, target.user().isPrivate);
    }

    @Transactional
    public void unfollow(long viewer, String username) {
        follows.remove(viewer, target(viewer, username).user().id);
    }

    @Transactional
    public void removeFollower(long viewer, String username) {
        follows.remove(target(viewer, username).user().id, viewer);
    }

    @Transactional
    public void accept(long viewer, String requester) {
        if (!follows.accept(target(viewer, requester).user().id, viewer)) {
            throw ApiException.notFound("No pending follow request from this user");
        }
    }

    @Transactional
    public void decline(long viewer, String requester) {
        if (!follows.decline(target(viewer, requester).user().id, viewer)) {
            throw ApiException.notFound("No pending follow request from this user");
        }
    }

    /** Severs follows and requests both ways; idempotent. */
    @Transactional
    public void block(long viewer, String username) {
        Target target = target(viewer, username);
        long other = target.user().id;
        if (other == viewer) {
            throw ApiException.badRequest("You cannot block yourself");
        }
        em.createNativeQuery("insert into blocks (blocker_id, blocked_id) values (:blocker, :blocked) "
                        + "on conflict do nothing")
                .setParameter("blocker", viewer).setParameter("blocked", other).executeUpdate();
        follows.remove(viewer, other);
        follows.remove(other, viewer);
        events.fire(new GraphEvents.Blocked(viewer, other));
    }

    @Transactional
    public void unblock(long viewer, String username) {
        long other = target(viewer, username).user().id;
        em.createNativeQuery("delete from blocks where blocker_id = :blocker and blocked_id = :blocked")
                .setParameter("blocker", viewer).setParameter("blocked", other).executeUpdate();
    }

    void onMadePublic(@Observes AccountEvents.MadePublic event) {
        follows.acceptAllRequestsTo(event.userId());
    }

    void onDeactivated(@Observes AccountEvents.Deactivated event) {
        follows.removeAllOf(event.userId());
    }
}
