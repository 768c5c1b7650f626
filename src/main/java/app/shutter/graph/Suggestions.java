package app.shutter.graph;

import app.shutter.media.MediaUrls;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Accounts to follow, for a home feed with less than a page: first those followed by the accounts the
 * caller followed most recently (more of them first), then the popular public accounts of
 * {@link PopularAccounts}. One statement whose work is bounded whatever the caller's graph: at most
 * {@value #RECENT_FOLLOWS} recent follows, {@value #EACH} of their own follows each, and the popular list.
 */
@ApplicationScoped
public class Suggestions {

    /** The caller's most recent follows whose own follows are suggested. */
    static final int RECENT_FOLLOWS = 10;

    /** The most recent follows read for each of them. */
    static final int EACH = 20;

    private static final String SQL = """
            with recent as (
                select f.followee_id as id from follows f where f.follower_id = :viewer and f.status = 'accepted'
                order by f.accepted_at desc, f.followee_id desc limit %1$d
            ), followed_by_recent as (
                select g.followee_id as id, count(*) as followed_by, max(g.accepted_at) as latest
                from recent r cross join lateral (
                    select g.followee_id, g.accepted_at from follows g
                    where g.follower_id = r.id and g.status = 'accepted'
                    order by g.accepted_at desc, g.followee_id desc limit %2$d) g
                group by g.followee_id
            ), candidates as (
                select id, 0 as source, followed_by, latest, 0 as position from followed_by_recent
                union all
                select user_id, 1, 0, null, position from popular_accounts
            ), ranked as (
                select id, min(source) as source, max(followed_by) as followed_by, max(latest) as latest,
                       min(position) as position
                from candidates group by id
            )
            select u.id, u.username, u.name, u.avatar_file, u.is_private, u.followers_count, r.source, r.followed_by
            from ranked r join users u on u.id = r.id
            where u.id <> :viewer and u.hidden_at is null
              and not exists (select 1 from follows x where x.follower_id = :viewer and x.followee_id = u.id)
              and %3$s
            order by r.source, r.followed_by desc, r.latest desc nulls last, r.position, u.id
            limit :limit""".formatted(RECENT_FOLLOWS, EACH, Relationships.NOT_BLOCKED_SQL);

    @Inject
    EntityManager em;

    @Schema(name = "SuggestedAccount")
    public record Suggestion(long id, String username, String name, String avatarUrl, boolean isPrivate,
                             int followersCount,
                             @Schema(description = "followed_by_your_follows, or popular")
                             String reason,
                             @Schema(description = "How many of the accounts you followed most recently follow it")
                             int followedBy) {
    }

    /** One page of at most {@code page.limit()} accounts; there is never a next page. */
    @Transactional
    public Page<Suggestion> forViewer(long viewer, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(SQL, Tuple.class).setParameter("viewer", viewer)
                .setParameter("limit", page.limit()).getResultList();
        return new Page<>(rows.stream().map(row -> new Suggestion(
                row.get("id", Number.class).longValue(), row.get("username", String.class),
                row.get("name", String.class), MediaUrls.of(row.get("avatar_file", String.class)),
                row.get("is_private", Boolean.class), row.get("followers_count", Number.class).intValue(),
                row.get("source", Number.class).intValue() == 0 ? "followed_by_your_follows" : "popular",
                row.get("followed_by", Number.class).intValue())).toList(), null);
    }
}
