package app.shutter.graph;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Writes to the follows table together with the users' counters, in the caller's transaction. Each
 * change is a single conditional statement (insert ... on conflict, delete ... returning), so counters
 * move only when a row really changed and stay exact under concurrent requests.
 */
@ApplicationScoped
public class Follows {

    public enum Status { following, requested, none }

    @Inject
    EntityManager em;

    @Inject
    Event<Object> events;

    /** @return the status after the call; counters change only if a new accepted follow was inserted */
    public Status follow(long follower, long followee, boolean needsApproval) {
        List<?> inserted = em.createNativeQuery("""
                        insert into follows (follower_id, followee_id, status, created_at, accepted_at)
                        values (:follower, :followee, :status, now(), case when :status = 'accepted' then now() end)
                        on conflict do nothing
                        returning status""")
                .setParameter("follower", follower).setParameter("followee", followee)
                .setParameter("status", needsApproval ? "pending" : "accepted").getResultList();
        if (!inserted.isEmpty()) {
            if (!needsApproval) {
                adjustCounters(follower, followee, 1);
            }
            events.fire(new GraphEvents.Followed(follower, followee, needsApproval));
            return needsApproval ? Status.requested : Status.following;
        }
        return status(follower, followee);
    }

    public Status status(long follower, long followee) {
        List<?> rows = em.createNativeQuery(
                        "select status from follows where follower_id = :follower and followee_id = :followee")
                .setParameter("follower", follower).setParameter("followee", followee).getResultList();
        if (rows.isEmpty()) {
            return Status.none;
        }
        return "accepted".equals(rows.get(0)) ? Status.following : Status.requested;
    }

    /** Unfollow, cancel a request, or remove a follower: whatever row exists in that direction. */
    public void remove(long follower, long followee) {
        List<?> removed = em.createNativeQuery("""
                        delete from follows where follower_id = :follower and followee_id = :followee
                        returning status""")
                .setParameter("follower", follower).setParameter("followee", followee).getResultList();
        if (!removed.isEmpty() && "accepted".equals(removed.get(0))) {
            adjustCounters(follower, followee, -1);
        }
        if (!removed.isEmpty()) {
            events.fire(new GraphEvents.FollowEnded(follower, followee));
        }
    }

    /** @return false when there was no pending request */
    public boolean accept(long follower, long followee) {
        int accepted = em.createNativeQuery("""
                        update follows set status = 'accepted', accepted_at = now()
                        where follower_id = :follower and followee_id = :followee and status = 'pending'""")
                .setParameter("follower", follower).setParameter("followee", followee).executeUpdate();
        if (accepted == 1) {
            adjustCounters(follower, followee, 1);
            events.fire(new GraphEvents.RequestAccepted(follower, followee));
        }
        return accepted == 1;
    }

    /** @return false when there was no pending request */
    public boolean decline(long follower, long followee) {
        boolean declined = em.createNativeQuery("""
                        delete from follows where follower_id = :follower and followee_id = :followee
                        and status = 'pending'""")
                .setParameter("follower", follower).setParameter("followee", followee).executeUpdate() == 1;
        if (declined) {
            events.fire(new GraphEvents.FollowEnded(follower, followee));
        }
        return declined;
    }

    /** An account that turns public accepts every pending request. */
    public void acceptAllRequestsTo(long followee) {
        em.createNativeQuery("""
                        with accepted as (
                            update follows set status = 'accepted', accepted_at = now()
                            where followee_id = :followee and status = 'pending'
                            returning follower_id)
                        update users u
                        set following_count = u.following_count + case when u.id <> :followee then 1 else 0 end,
                            followers_count = u.followers_count
                                + case when u.id = :followee then (select count(*) from accepted) else 0 end
                        where u.id in (select follower_id from accepted)
                           or (u.id = :followee and exists (select 1 from accepted))""")
                .setParameter("followee", followee).executeUpdate();
    }

    /** A deactivated account stops counting: every follow to or from it goes, with the counters. */
    public void removeAllOf(long userId) {
        em.createNativeQuery("""
                        with gone as (
                            delete from follows where follower_id = :user or followee_id = :user
                            returning follower_id, followee_id, status)
                        update users u
                        set following_count = u.following_count - (select count(*) from gone g
                                where g.follower_id = u.id and g.status = 'accepted'),
                            followers_count = u.followers_count - (select count(*) from gone g
                                where g.followee_id = u.id and g.status = 'accepted')
                        where u.id in (select follower_id from gone union select followee_id from gone)""")
                .setParameter("user", userId).executeUpdate();
    }

    private void adjustCounters(long follower, long followee, int delta) {
        // one statement for both rows, so two opposite follows cannot lock them in opposite orders
        em.createNativeQuery("""
                        update users
                        set following_count = following_count + case when id = :follower then :delta else 0 end,
                            followers_count = followers_count + case when id = :followee then :delta else 0 end
                        where id in (:follower, :followee)""")
                .setParameter("follower", follower).setParameter("followee", followee).setParameter("delta", delta)
                .executeUpdate();
    }
}
