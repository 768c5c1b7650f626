package app.shutter.moderation;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.persistence.Rows;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A report as its reporter sees it, with the outcome once a moderator decided. */
public record ReportView(long id,
                         @Schema(enumeration = {"post", "comment", "story", "account", "message"}) String kind,
                         long targetId,
                         @Schema(enumeration = {"spam", "nudity_or_sexual_content", "violence",
                                 "harassment_or_bullying", "hate", "self_harm", "intellectual_property", "other"})
                         String reason,
                         String text, Instant createdAt,
                         @Schema(enumeration = {"open", "closed"}) String status,
                         @Schema(enumeration = {"dismissed", "warned", "removed", "suspended"},
                                 description = "What was decided; null while open") String outcome,
                         Instant resolvedAt) {

    /** Columns of a report (r) and its case (c) as {@link #of} reads them, with the list position. */
    static final String COLUMNS = """
            r.id, c.target_kind, c.target_id, r.reason, r.text, r.created_at, c.status, c.outcome, c.closed_at,
            %s""".formatted(Keyset.key("r.created_at", "r.id"));

    static ReportView of(Tuple row) {
        return new ReportView(Rows.id(row, "id"), Rows.text(row, "target_kind"), Rows.id(row, "target_id"),
                Rows.text(row, "reason"), Rows.text(row, "text"), Rows.instant(row, "created_at"),
                Rows.text(row, "status"), Rows.text(row, "outcome"), Rows.instant(row, "closed_at"));
    }
}
