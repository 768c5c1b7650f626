package app.shutter.moderation;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.persistence.Rows;
import app.shutter.user.UserSummary;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One line of the moderation log: who did what to which object of which account, why and when. */
public record LogEntry(long id, UserSummary actor,
                       @Schema(enumeration = {"dismiss", "warn", "remove", "suspend", "unsuspend", "grant_moderator",
                               "revoke_moderator"}) String action,
                       String targetKind, long targetId, UserSummary account, Long caseId, String reason,
                       Instant createdAt) {

    static final String COLUMNS = "l.id, l.action, l.target_kind, l.target_id, l.case_id, l.reason, l.created_at, "
            + UserSummary.columns("m", "actor_") + ", " + UserSummary.columns("a", "account_") + ", "
            + Keyset.key("l.created_at", "l.id");

    static LogEntry of(Tuple row) {
        return new LogEntry(Rows.id(row, "id"), UserSummary.of(row, "actor_"), Rows.text(row, "action"),
                Rows.text(row, "target_kind"), Rows.id(row, "target_id"), UserSummary.of(row, "account_"),
                Rows.idOrNull(row, "case_id"), Rows.text(row, "reason"), Rows.instant(row, "created_at"));
    }
}
