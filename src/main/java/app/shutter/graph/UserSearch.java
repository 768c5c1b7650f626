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
 * insensitive). Served by users_username_prefix and users_name_trgm (V2; the README shows the plan).
 */
@ApplicationScoped
public class UserSearch {

    static final String SQL = """
            select * from (
                select %s as followed_by_me,
                       case when u.username = shutter_fold(:term) then 0
                            when u.username like shutter_fold(:prefix) escape '\\' then 1 else 2 end as rank
                from users u
                where u.deactivated_at is null
                  and (u.username like shutter_fold(:prefix) escape '\\'
                       or shutter_fold(u.name) like shutter_fold(:contains) escape '\\')
                  and %s
            ) found
            where (:afterRank < 0 or (found.rank, found.username) > (:afterRank, :afterUsername))
            order by found.rank, found.username
            limit :limit""".formatted(GraphItems.UserItem.COLUMNS, Relationships.NOT_BLOCKED_SQL);

    @Inject
    EntityManager em;

    @Transactional
    public Page<GraphItems.UserItem> search(long viewer, String q, String limit, String cursor) {
        if (q == null || q.isBlank() || q.length() > 50) {
            throw ApiException.invalidField("q", "must be 1 to 50 characters");
        }
        PageRequest page = PageRequest.of(limit, null);
        // folding (lower case, no accents) happens in SQL; it never adds or removes \ % _, so escape first
        String term = q.trim();
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
        return Page.of(rows, page, row -> new Position(((Number) row[6]).intValue(), (String) row[1]).encode(),
                GraphItems.UserItem::of);
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
