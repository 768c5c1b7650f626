package app.shutter.common.pagination;

import app.shutter.common.persistence.Rows;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Native keyset queries shared by every list: the SQL carries one {@code %s} where the "after the cursor"
 * predicate goes, and its rows carry the keyset position (time, id) as columns {@code key_at} and
 * {@code key_id} (see {@link #key}). Rows come back as {@link Tuple}s, read by column name.
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
        Query query = em.createNativeQuery(sql.formatted(clause) + " limit :limit", Tuple.class)
                .setParameter("limit", page.fetchSize());
        if (page.after() != null) {
            query.setParameter("afterAt", OffsetDateTime.ofInstant(page.after().at(), ZoneOffset.UTC))
                    .setParameter("afterId", page.after().id());
        }
        return query;
    }

    /** The select-list entry of a row's keyset position, e.g. {@code key("p.created_at", "p.id")}. */
    public static String key(String at, String id) {
        return at + " as key_at, " + id + " as key_id";
    }

    /** The encoded position of a list row (its {@link #key} columns). */
    public static String position(Tuple row) {
        return new Cursor(Rows.instant(row, "key_at"), Rows.id(row, "key_id")).encode();
    }
}
