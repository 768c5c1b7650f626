package app.shutter.common.pagination;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Native keyset queries shared by every list: the SQL carries one {@code %s} where the "after the cursor"
 * predicate goes, and its rows end with the keyset position (time, id).
 */
public final class Keyset {

    private Keyset() {
    }

    /** @param columns the ordered keyset columns, e.g. {@code (p.created_at, p.id)} (descending order) */
    public static Query query(EntityManager em, String sql, String columns, PageRequest page) {
        return query(em, sql, columns, page, "<");
    }

    /** Like {@link #query} for a list in ascending order (oldest first). */
    public static Query ascending(EntityManager em, String sql, String columns, PageRequest page) {
        return query(em, sql, columns, page, ">");
    }

    private static Query query(EntityManager em, String sql, String columns, PageRequest page, String after) {
        String clause = page.after() == null ? "" : "and " + columns + " " + after + " (:afterAt, :afterId)";
        Query query = em.createNativeQuery(sql.formatted(clause) + " limit :limit")
                .setParameter("limit", page.fetchSize());
        if (page.after() != null) {
            query.setParameter("afterAt", OffsetDateTime.ofInstant(page.after().at(), ZoneOffset.UTC))
                    .setParameter("afterId", page.after().id());
        }
        return query;
    }

    /** The last two columns of a list row are its keyset position: (time, id). */
    public static String position(Object[] row) {
        return new Cursor(instant(row[row.length - 2]), ((Number) row[row.length - 1]).longValue()).encode();
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
