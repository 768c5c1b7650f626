package app.shutter.story;

import app.shutter.common.pagination.CursorCodec;
import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.graph.Relationships;
import app.shutter.media.MediaUploads;
import app.shutter.user.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The story tray: the caller's own entry, then followed accounts with live stories, those with unseen ones
 * first, each group by latest story. Two statements: the page of accounts, then all their live stories.
 */
@ApplicationScoped
public class StoryTray {

    private static final String AUTHORS = """
            with authors as (
                select s.author_id, max(s.created_at) as latest,
                       case when s.author_id = :viewer then 2
                            when bool_or(not exists (select 1 from story_views v where v.story_id = s.id
                                                     and v.viewer_id = :viewer)) then 1
                            else 0 end as grp
                from stories s
                where s.expires_at > now()
                  and (s.author_id = :viewer or s.author_id in (select f.followee_id from follows f
                                                                where f.follower_id = :viewer and f.status = 'accepted'))
                group by s.author_id)
            select u.id, u.username, u.name, u.avatar_url, u.is_private, a.grp, a.latest, a.author_id
            from authors a join users u on u.id = a.author_id
            where u.deactivated_at is null and (u.id = :viewer or %s) %s
            order by a.grp desc, a.latest desc, a.author_id desc limit :limit""";

    public record Entry(UserSummary user, List<StoryView> stories, boolean hasUnseen) {
    }

    @Inject
    EntityManager em;

    @Inject
    MediaUploads media;

    @Transactional
    public Page<Entry> tray(long viewer, String limit, String cursor) {
        PageRequest page = PageRequest.of(limit, null);
        Position after = cursor == null || cursor.isBlank() ? null : Position.decode(cursor.trim());
        Query query = em.createNativeQuery(AUTHORS.formatted(Relationships.NOT_BLOCKED_SQL,
                        after == null ? "" : "and (a.grp, a.latest, a.author_id) < (:group, :latest, :author)"))
                .setParameter("viewer", viewer).setParameter("limit", page.fetchSize());
        if (after != null) {
            query.setParameter("group", after.group()).setParameter("author", after.author())
                    .setParameter("latest", OffsetDateTime.ofInstant(after.latest(), ZoneOffset.UTC));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.ofAll(rows, page, row -> new Position(((Number) row[5]).intValue(), Keyset.instant(row[6]),
                ((Number) row[7]).longValue()).encode(), pageRows -> entries(viewer, pageRows));
    }

    private List<Entry> entries(long viewer, List<Object[]> authors) {
        if (authors.isEmpty()) {
            return List.of();
        }
        Map<Long, List<StoryView>> byAuthor = new LinkedHashMap<>();
        authors.forEach(row -> byAuthor.put(((Number) row[0]).longValue(), new ArrayList<>()));
        @SuppressWarnings("unchecked")
        List<Object[]> stories = em.createNativeQuery("select " + StoryView.COLUMNS
                        + " from stories s join users u on u.id = s.author_id where s.author_id in (:authors)"
                        + " and s.expires_at > now() order by s.author_id, s.created_at, s.id")
                .setParameter("viewer", viewer).setParameter("authors", byAuthor.keySet()).getResultList();
        stories.forEach(row -> byAuthor.get(((Number) row[1]).longValue()).add(StoryView.of(row, media)));
        return authors.stream().map(row -> new Entry(UserSummary.of(row, 0),
                byAuthor.get(((Number) row[0]).longValue()),
                ((Number) row[5]).intValue() == 1)).toList();
    }

    /** The tray's keyset position: (group, latest story, author). */
    record Position(int group, Instant latest, long author) {

        String encode() {
            return CursorCodec.encode(group, latest, author);
        }

        static Position decode(String value) {
            return CursorCodec.decode(value, 3, parts -> new Position(Integer.parseInt(parts[0]),
                    CursorCodec.instant(parts[1]), Long.parseLong(parts[2])));
        }
    }
}
