package app.shutter.common.persistence;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads the rows of native queries by column name, never by position, so that adding or moving a column
 * cannot shift fields silently. Queries are created with {@code Tuple.class}; names are the labels PostgreSQL
 * gives the columns (unquoted aliases are lower case), and an unknown name is an error, not a null.
 */
public final class Rows {

    private Rows() {
    }

    /** The rows of a query created with {@code em.createNativeQuery(sql, Tuple.class)}. */
    @SuppressWarnings("unchecked")
    public static List<Tuple> list(Query query) {
        return query.getResultList();
    }

    /** The one row of such a query (it must return exactly one). */
    public static Tuple single(Query query) {
        return (Tuple) query.getSingleResult();
    }

    public static long id(Tuple row, String column) {
        return row.get(column, Number.class).longValue();
    }

    public static Long idOrNull(Tuple row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? null : value.longValue();
    }

    public static int count(Tuple row, String column) {
        return row.get(column, Number.class).intValue();
    }

    public static Integer countOrNull(Tuple row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? null : value.intValue();
    }

    public static String text(Tuple row, String column) {
        return row.get(column, String.class);
    }

    public static boolean flag(Tuple row, String column) {
        return row.get(column, Boolean.class);
    }

    public static boolean isNull(Tuple row, String column) {
        return row.get(column) == null;
    }

    public static Instant instant(Tuple row, String column) {
        return instant(row.get(column));
    }

    /** A timestamp column as the JDBC driver hands it (timestamptz may come as any of these). */
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
