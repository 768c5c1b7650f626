package app.shutter.moderation;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.user.UserSummary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The moderators' queue, cases oldest first, and the admins' log. Every filter of the queue is one ordered
 * range of an index (by status and kind on the cases, by status, reason and kind on their reasons), so a page
 * reads what it returns, not the queue.
 */
@ApplicationScoped
public class ModerationQueue {

    private static final Pattern STATUS = Pattern.compile("open|closed");
    private static final Pattern KIND = Pattern.compile(ModerationRequests.KINDS);
    private static final Pattern REASON = Pattern.compile(ModerationRequests.REASONS);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** The filters of the queue; null kind or reason: any. */
    public record Filter(String status, String kind, String reason) {

        public static Filter of(String status, String kind, String reason) {
            String s = status == null ? "open" : status;
            check("status", s, STATUS);
            check("kind", kind, KIND);
            check("reason", reason, REASON);
            return new Filter(s, kind, reason);
        }

        private static void check(String field, String value, Pattern allowed) {
            if (value != null && !allowed.matcher(value).matches()) {
                throw ApiException.invalidField(field, "must be one of " + allowed.pattern().replace("|", ", "));
            }
        }
    }

    @Transactional
    public Page<CaseView> queue(Filter filter, PageRequest page) {
        Query query;
        if (filter.reason() == null) {
            query = Keyset.ascending(em, "select " + CaseView.columnsWithKey("c.opened_at", "c.id")
                    + " from moderation_cases c join users a on a.id = c.target_owner_id where c.status = :status"
                    + (filter.kind() == null ? "" : " and c.target_kind = :kind")
                    + " %s order by c.opened_at, c.id", "(c.opened_at, c.id)", page);
        } else {
            query = Keyset.ascending(em, "select " + CaseView.columnsWithKey("r.opened_at", "r.case_id")
                    + " from moderation_case_reasons r join moderation_cases c on c.id = r.case_id"
                    + " join users a on a.id = c.target_owner_id where r.status = :status and r.reason = :reason"
                    + (filter.kind() == null ? "" : " and r.target_kind = :kind")
                    + " %s order by r.opened_at, r.case_id", "(r.opened_at, r.case_id)", page)
                    .setParameter("reason", filter.reason());
        }
        query.setParameter("status", filter.status());
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
        }
        return Page.of(Rows.list(query), page, Keyset::position, CaseView::of);
    }

    /** The moderation log, newest first. */
    @Transactional
    public Page<LogEntry> log(PageRequest page) {
        return Page.of(Rows.list(Keyset.query(em, "select " + LogEntry.COLUMNS
                        + " from moderation_log l join users m on m.id = l.actor_id"
                        + " join users a on a.id = l.target_account_id %s order by l.created_at desc, l.id desc",
                        "(l.created_at, l.id)", page)), page, Keyset::position, LogEntry::of);
    }

    /** One case as the queue lists it (what a decision answers). */
    @Transactional
    public CaseView summary(long caseId) {
        return Rows.list(em.createNativeQuery("select " + CaseView.COLUMNS
                        + " from moderation_cases c join users a on a.id = c.target_owner_id where c.id = :id",
                        Tuple.class).setParameter("id", caseId)).stream().findFirst().map(CaseView::of)
                .orElseThrow(() -> ApiException.notFound("No such case"));
    }

    /** A case with its content and its first reports (the count says how many there are in all). */
    @Transactional
    public CaseView.Detail detail(long caseId) {
        Tuple row = Rows.list(em.createNativeQuery("select " + CaseView.COLUMNS + ", c.content::text as content"
                        + " from moderation_cases c join users a on a.id = c.target_owner_id where c.id = :id",
                        Tuple.class).setParameter("id", caseId)).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("No such case"));
        List<CaseView.CaseReport> reports = Rows.list(em.createNativeQuery("select r.id, r.reason, r.text,"
                        + " r.created_at, " + UserSummary.columns("u", "reporter_")
                        + " from reports r join users u on u.id = r.reporter_id"
                        + " where r.case_id = :id order by r.created_at, r.id limit 100", Tuple.class)
                        .setParameter("id", caseId)).stream()
                .map(r -> new CaseView.CaseReport(Rows.id(r, "id"), UserSummary.of(r, "reporter_"),
                        Rows.text(r, "reason"), Rows.text(r, "text"), Rows.instant(r, "created_at")))
                .toList();
        return new CaseView.Detail(CaseView.of(row), content(Rows.text(row, "content")), reports);
    }

    private ReportedContent content(String stored) {
        try {
            return json.readValue(stored, ReportedContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable content of a case", e);
        }
    }
}
