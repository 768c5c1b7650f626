package app.shutter.graph;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * GET /users?q=: exact username, then username prefix, then name contains (case and accent
 * insensitive). Served by users_username_prefix and users_name_trgm (see V2 and docs/search.md).
 */
@ApplicationScoped
public class UserSearch {

    static final String SQL = """
            select * from (
                select u.id, u.username, u.name, u.avatar_url, u.is_private, %s as followed_by_me,
                       case when u.username = :term then 0 when u.username like :prefix escape '\\' then 1 else 2 end
                           as rank
                from users u
                where u.deactivated_at is null
                  and (u.username like :prefix escape '\\' or shutter_fold(u.name) like :contains escape '\\')
                  and %s
            ) found
            where (:afterRank < 0 or (found.rank, found.username) > (:afterRank, :afterUsername))
            order by found.rank, found.username
            limit :limit""".formatted(Relationships.FOLLOWED_BY_VIEWER_SQL, Relationships.NOT_BLOCKED_SQL);

    @Inject
    EntityManager em;

    @Transactional
    public Page<GraphItems.UserItem> search(long viewer, String q, String limit, String cursor) {
        if (q == null || q.isBlank() || q.length() > 50) {
            throw ApiException.invalidField("q", "must be 1 to 50 characters");
        }
        PageRequest page = PageRequest.of(limit, null);
        String term = (String) em.createNativeQuery("select shutter_fold(:q)").setParameter("q", q.trim())
                .getSingleResult();
        String like = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        Position after = cursor == null || cursor.isBlank() ? null : Position.decode(cursor.trim());
        Query query = em.createNativeQuery(SQL)
                .setParameter("viewer", viewer).setParameter("term", term)
                .setParameter("prefix", like + "%").setParameter("contains", "%" + like + "%")
                .setParameter("afterRank", after == null ? -1 : after.rank())
                .setParameter("afterUsername", after == null ? "" : after.username())
                .setParameter("limit", page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > page.limit();
        List<Object[]> shown = more ? rows.subList(0, page.limit()) : rows;
        String next = null;
        if (more) {
            Object[] last = shown.get(shown.size() - 1);
            next = new Position(((Number) last[6]).intValue(), (String) last[1]).encode();
        }
        return new Page<>(shown.stream().map(GraphQueries::userItem).toList(), next);
    }

    /** Search results are ordered by (rank, username), so that is their cursor. */
    record Position(int rank, String username) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((rank + ":" + username).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String value) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                return new Position(Integer.parseInt(raw.substring(0, colon)), raw.substring(colon + 1));
            } catch (RuntimeException e) {
                throw ApiException.invalidField("cursor", "is not a cursor this API returned");
            }
        }
    }
}
