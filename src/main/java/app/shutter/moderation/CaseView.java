package app.shutter.moderation;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.persistence.Rows;
import app.shutter.user.UserSummary;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A case in the moderation queue: one reported object with how often and why it was reported. */
public record CaseView(long id,
                       @Schema(enumeration = {"post", "comment", "story", "account", "message"}) String kind,
                       long targetId,
                       @Schema(description = "The account the object belongs to") UserSummary account,
                       @Schema(enumeration = {"open", "closed"}) String status,
                       @Schema(enumeration = {"dismissed", "warned", "removed", "suspended"}) String outcome,
                       int reportCount, List<String> reasons, Instant openedAt, Instant lastReportedAt,
                       Instant closedAt) {

    /** Columns of a case (c) and its account (a) as {@link #of} reads them; the list position is added by callers. */
    static final String COLUMNS = """
            c.id, c.target_kind, c.target_id, %s, c.status, c.outcome, c.report_count,
            (select string_agg(cr.reason, ',' order by cr.reason) from moderation_case_reasons cr
             where cr.case_id = c.id) as reasons, c.opened_at, c.last_reported_at, c.closed_at"""
            .formatted(UserSummary.columns("a", "account_"));

    static String columnsWithKey(String at, String id) {
        return COLUMNS + ", " + Keyset.key(at, id);
    }

    static CaseView of(Tuple row) {
        String reasons = Rows.text(row, "reasons");
        return new CaseView(Rows.id(row, "id"), Rows.text(row, "target_kind"), Rows.id(row, "target_id"),
                UserSummary.of(row, "account_"), Rows.text(row, "status"), Rows.text(row, "outcome"),
                Rows.count(row, "report_count"), reasons == null ? List.of() : Arrays.asList(reasons.split(",")),
                Rows.instant(row, "opened_at"), Rows.instant(row, "last_reported_at"),
                Rows.instant(row, "closed_at"));
    }

    /** A case with the reported content as it was when reported, and its reports (who, why). */
    public record Detail(CaseView summary, ReportedContent content, List<CaseReport> reports) {
    }

    /** One report of a case, as moderators see it. */
    public record CaseReport(long id, UserSummary reporter, String reason, String text, Instant createdAt) {
    }
}
