package app.shutter.story;

import app.shutter.common.pagination.CursorCodec;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.graph.Mutes;
import app.shutter.graph.Relationships;
import app.shutter.media.MediaUploads;
import app.shutter.user.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
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
 * first, each group by latest story; accounts whose stories the viewer mutes are left out. Two statements: the page of accounts, then all their live stories.
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
                where s.expires_at > now() and %s
                  and (s.author_id = :viewer or s.author_id in (select f.followee_id from follows f
                                                                where f.follower_id = :viewer and f.status = 'accepted'
                                                                  and not %s))
                group by s.author_id)
            select u.id, u.username, u.name, u.avatar_file as avatar_file, u.is_private, a.grp, a.latest
            from authors a join users u on u.id = a.author_id
            where u.hidden_at is null and (u.id = :viewer or %s) %s
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
        Query query = em.createNativeQuery(AUTHORS.formatted(StoryService.IN_AUDIENCE, Mutes.mutedSql(":viewer", "f.followee_id", "stories"),
                        Relationships.NOT_BLOCKED_SQL,
                        after == null ? "" : "and (a.grp, a.latest, a.author_id) < (:group, :latest, :author)"),
                        Tuple.class)
                .setParameter("viewer", viewer).setParameter("limit", page.fetchSize());
        if (after != null) {
            query.setParameter("group", after.group()).setParameter("author", after.author())
                    .setParameter("latest", OffsetDateTime.ofInstant(after.latest(), ZoneOffset.UTC));
        }
        return Page.ofAll(Rows.list(query), page, row -> new Position(Rows.count(row, "grp"),
                Rows.instant(row, "latest"), Rows.id(row, "id")).encode(), pageRows -> entries(viewer, pageRows));
    }

    private List<Entry> entries(long viewer, List<Tuple> authors) {
        if (authors.isEmpty()) {
            return List.of();
        }
        Map<Long, List<StoryView>> byAuthor = new LinkedHashMap<>();
        authors.forEach(row -> byAuthor.put(Rows.id(row, "id"), new ArrayList<>()));
        List<Tuple> stories = Rows.list(em.createNativeQuery("select " + StoryView.COLUMNS
                        + " from stories s join users u on u.id = s.author_id where s.author_id in (:authors)"
                        + " and s.expires_at > now() and " + StoryService.IN_AUDIENCE + " order by s.author_id, s.created_at, s.id", Tuple.class)
                .setParameter("viewer", viewer).setParameter("authors", byAuthor.keySet()));
        stories.forEach(row -> byAuthor.get(Rows.id(row, "author_id")).add(StoryView.of(row, media)));
        return authors.stream().map(row -> new Entry(UserSummary.of(row, ""), byAuthor.get(Rows.id(row, "id")),
                Rows.count(row, "grp") == 1)).toList();
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
