package app.shutter.post;

import app.shutter.user.AccountEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What a deleted account leaves in other people's threads, removed with the counters kept exact. */
@ApplicationScoped
public class CommentCleanup {

    @Inject
    EntityManager em;

    /** A deleted account's comments go, with the replies under them; counters, mentions and its likes follow. */
    void onDeactivated(@Observes AccountEvents.Deactivated event) {
        em.createNativeQuery("""
                        with gone as (delete from comment_likes where user_id = :user returning comment_id)
                        update comments c set like_count = c.like_count - g.n
                        from (select comment_id, count(*) as n from gone group by comment_id) g
                        where c.id = g.comment_id""")
                .setParameter("user", event.userId()).executeUpdate();
        em.createNativeQuery("""
                        with gone as (delete from comments c where c.author_id = :user
                                          or c.parent_id in (select id from comments where author_id = :user)
                                      returning c.post_id, c.parent_id),
                        counted as (update posts p set comment_count = p.comment_count - g.n
                                    from (select post_id, count(*) as n from gone group by post_id) g
                                    where p.id = g.post_id)
                        update comments c set reply_count = c.reply_count - g.n
                        from (select parent_id, count(*) as n from gone where parent_id is not null group by parent_id) g
                        where c.id = g.parent_id and c.author_id <> :user""")
                .setParameter("user", event.userId()).executeUpdate();
        em.createNativeQuery("delete from post_mentions where user_id = :user").setParameter("user", event.userId())
                .executeUpdate();
        em.createNativeQuery("delete from comment_mentions where user_id = :user")
                .setParameter("user", event.userId()).executeUpdate();
    }
}
