package app.shutter.graph;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.CursorCodec;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * GET /users?q=: the account whose username is the query, then accounts with a word of their username or
 * name that starts the query (case, accent and punctuation insensitive), in the order of the matching text.
 * One ordered range of user_search_terms (V11) per page, so a page costs the same whether the query matches
 * three accounts or all of them.
 */
@ApplicationScoped
public class UserSearch {

    /**
     * Index entries one page reads at most. An account is listed at the first of its terms that matches, so
     * its later matching terms are skipped; after a broad query's first pages (one letter: every account's
     * username and name both match) a page may find nothing but such entries. It stops after this many and
     * hands back a cursor where it stopped, so a page may hold fewer items than asked while nextCursor goes on.
     */
    static final int SCAN_BUDGET = 200;

    /** The terms of the query's range after the cursor, in order: %1$s is the cursor predicate. */
    static final String RANGE = """
            from user_search_terms t
            where shutter_search_text(:q) <> ''
              and t.term >= shutter_search_text(:q) and t.term < shutter_search_text(:q) || chr(1114111)
              %1$s
            order by t.term, t.user_id""";

    /**
     * The exact username (first page only), then the terms the query starts among the next {@link #SCAN_BUDGET}
     * of the range, each account once: at the first of its terms that matches (an earlier matching term of the
     * same account means it was listed there). The upper bound U+10FFFF sorts after every character that can
     * follow the query in a "C" collation.
     */
    static final String SQL = """
            select * from (
                select 0 as rank, '' as term, %1$s
                from users u
                where :firstPage and u.username = shutter_fold(btrim(:q)) and u.hidden_at is null and %2$s
                union all
                (select 1 as rank, t.term, %1$s
                 from (select t.term, t.user_id %3$s limit %4$d) t
                 join users u on u.id = t.user_id
                 where u.username <> shutter_fold(btrim(:q))
                   and not exists (select 1 from user_search_terms e
                                   where e.user_id = t.user_id and e.term >= shutter_search_text(:q)
                                     and e.term < t.term)
                   and %2$s
                 order by t.term, t.user_id
                 limit :limit)
            ) found
            order by found.rank, found.term, found.id
            limit :limit""";

    /** Where a page that did not fill stopped, if it stopped at its budget rather than at the range's end. */
    private static final String STOP = "select t.term, t.user_id as id %1$s offset %2$d limit 1";

    static final String AFTER = "and (t.term, t.user_id) > (:afterTerm, :afterId)";

    @Inject
    EntityManager em;

    @Transactional
    public Page<GraphItems.UserItem> search(long viewer, String q, String limit, String cursor) {
        if (q == null || q.isBlank() || q.length() > 50) {
            throw ApiException.invalidField("q", "must be 1 to 50 characters");
        }
        // a NUL is not blank but PostgreSQL text cannot hold it; no control character names an account
        if (q.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField("q", "must not contain control characters");
        }
        PageRequest page = PageRequest.of(limit, null);
        Position after = cursor == null || cursor.isBlank() ? null : Position.decode(cursor.trim());
        boolean afterTerm = after != null && after.rank() > 0;
        String range = RANGE.formatted(afterTerm ? AFTER : "");
        @SuppressWarnings("unchecked")
        List<Tuple> rows = bind(em.createNativeQuery(SQL.formatted(GraphItems.UserItem.COLUMNS,
                        Relationships.NOT_BLOCKED_SQL, range, SCAN_BUDGET), Tuple.class), q, after, afterTerm)
                .setParameter("viewer", viewer).setParameter("firstPage", after == null)
                .setParameter("limit", page.fetchSize()).getResultList();
        Page<GraphItems.UserItem> result = Page.of(rows, page, row -> position(row).encode(), GraphItems.UserItem::of);
        if (rows.size() < page.fetchSize()) {
            // a short page: either the range ended or the scan used its budget; then the next page goes on
            // after the last entry read (a second statement, only for short pages)
            @SuppressWarnings("unchecked")
            List<Tuple> stop = bind(em.createNativeQuery(STOP.formatted(range, SCAN_BUDGET - 1), Tuple.class), q,
                    after, afterTerm).getResultList();
            if (!stop.isEmpty()) {
                return new Page<>(result.items(), new Position(1, stop.get(0).get("term", String.class),
                        stop.get(0).get("id", Number.class).longValue()).encode());
            }
        }
        return result;
    }

    private static Query bind(Query query, String q, Position after, boolean afterTerm) {
        query.setParameter("q", q);
        if (afterTerm) {
            query.setParameter("afterTerm", after.term()).setParameter("afterId", after.id());
        }
        return query;
    }

    private static Position position(Tuple row) {
        return new Position(row.get("rank", Number.class).intValue(), row.get("term", String.class),
                row.get("id", Number.class).longValue());
    }

    /** Results are ordered by (rank, term, id), so that is their cursor (the term last: it may hold ':'). */
    record Position(int rank, String term, long id) {

        String encode() {
            return CursorCodec.encode(rank, id, term);
        }

        static Position decode(String value) {
            return CursorCodec.decode(value, 3, parts -> new Position(Integer.parseInt(parts[0]), parts[2],
                    Long.parseLong(parts[1])));
        }
    }
}
