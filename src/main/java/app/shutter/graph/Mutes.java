package app.shutter.graph;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.user.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * Quiet muting: an account's posts leave the muter's home feed and explore, its stories the tray (either or
 * both). The muted account is not told: nothing it can read changes. The lists read {@link #mutedSql}.
 */
@ApplicationScoped
public class Mutes {

    public record Mute(@Schema(description = "Their posts are out of your home feed and explore (default true)")
                       Boolean posts,
                       @Schema(description = "Their stories are out of your tray (default true)") Boolean stories) {

        public Mute {
            posts = posts == null || posts;
            stories = stories == null || stories;
        }
    }

    public record Muted(UserSummary user, boolean posts, boolean stories, Instant mutedAt) {
    }

    @Inject
    GraphService graph;

    @Inject
    EntityManager em;

    /**
     * SQL: {@code viewer} mutes the {@code what} ({@code posts} or {@code stories}) of the user id expression
     * {@code author}: one probe of the muter's primary key.
     */
    public static String mutedSql(String viewer, String author, String what) {
        return "exists (select 1 from mutes m where m.muter_id = %s and m.muted_id = %s and m.%s)"
                .formatted(viewer, author, what);
    }

    /** Mutes (or changes what is muted of) an account the viewer can see; neither false is an unmute. */
    @Transactional
    public Mute mute(long viewer, String username, Mute mute) {
        long other = graph.target(viewer, username).user().id;
        if (other == viewer) {
            throw ApiException.badRequest("You cannot mute yourself");
        }
        if (!mute.posts() && !mute.stories()) {
            throw ApiException.invalidField("posts", "mute posts, stories or both (to unmute, DELETE)");
        }
        em.createNativeQuery("""
                        insert into mutes (muter_id, muted_id, posts, stories) values (:viewer, :other, :posts, :stories)
                        on conflict (muter_id, muted_id) do update set posts = excluded.posts, stories = excluded.stories""")
                .setParameter("viewer", viewer).setParameter("other", other).setParameter("posts", mute.posts())
                .setParameter("stories", mute.stories()).executeUpdate();
        return mute;
    }

    /** Idempotent. */
    @Transactional
    public void unmute(long viewer, String username) {
        long other = graph.target(viewer, username).user().id;
        em.createNativeQuery("delete from mutes where muter_id = :viewer and muted_id = :other")
                .setParameter("viewer", viewer).setParameter("other", other).executeUpdate();
    }

    /** The viewer's mutes, newest first. */
    @Transactional
    public Page<Muted> list(long viewer, PageRequest page) {
        return Page.of(Rows.list(Keyset.query(em, """
                        select %s, m.posts, m.stories, m.created_at as key_at, m.muted_id as key_id
                        from mutes m join users u on u.id = m.muted_id
                        where m.muter_id = :viewer and u.hidden_at is null %%s
                        order by m.created_at desc, m.muted_id desc""".formatted(UserSummary.columns("u", "")),
                "(m.created_at, m.muted_id)", page).setParameter("viewer", viewer)), page, Keyset::position,
                row -> new Muted(UserSummary.of(row, ""), Rows.flag(row, "posts"), Rows.flag(row, "stories"),
                        Rows.instant(row, "key_at")));
    }
}
