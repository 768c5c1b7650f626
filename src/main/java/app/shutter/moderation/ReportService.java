package app.shutter.moderation;

import app.shutter.common.security.ActionLimits;
import app.shutter.common.Text;
import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Reports: each joins the open case of its object or opens one. Nothing here or in any answer to the reported
 * account names who reported it.
 */
@ApplicationScoped
public class ReportService {

    /** A report and whether this request created it (a repeat while the case is open answers the first). */
    public record Filed(ReportView report, boolean created) {
    }

    @Inject
    EntityManager em;

    @Inject
    ActionLimits limits;

    @Inject
    ReportedObjects objects;

    @Inject
    ObjectMapper json;

    @Transactional
    public Filed report(long reporter, ModerationRequests.NewReport request) {
        ReportedObjects.Reported target = objects.find(reporter, request.kind(), request.targetId());
        limits.count(reporter, ActionLimits.Action.REPORT);
        // joins the open case (locking it, so a moderator's close and this report happen one after the other)
        long caseId = Rows.id(Rows.single(em.createNativeQuery("""
                        insert into moderation_cases (target_kind, target_id, target_owner_id, content)
                        values (:kind, :id, :owner, cast(:content as jsonb))
                        on conflict (target_kind, target_id) where status = 'open'
                        do update set last_reported_at = clock_timestamp()
                        returning id""", Tuple.class)
                .setParameter("kind", target.kind()).setParameter("id", target.id())
                .setParameter("owner", target.ownerId()).setParameter("content", toJson(target.content()))), "id");
        List<?> inserted = em.createNativeQuery("""
                        insert into reports (case_id, reporter_id, reason, text) values (:case, :reporter, :reason, :text)
                        on conflict (case_id, reporter_id) do nothing returning id""")
                .setParameter("case", caseId).setParameter("reporter", reporter)
                .setParameter("reason", request.reason()).setParameter("text", Text.trimToNull(request.text()))
                .getResultList();
        if (inserted.isEmpty()) {
            return new Filed(mine(reporter, existing(caseId, reporter)), false);
        }
        em.createNativeQuery("""
                        with counted as (update moderation_cases set report_count = report_count + 1
                                         where id = :case returning id, target_kind, status, opened_at)
                        insert into moderation_case_reasons (case_id, reason, target_kind, status, opened_at)
                        select id, :reason, target_kind, status, opened_at from counted
                        on conflict do nothing""")
                .setParameter("case", caseId).setParameter("reason", request.reason()).executeUpdate();
        return new Filed(mine(reporter, ((Number) inserted.get(0)).longValue()), true);
    }

    /** One of the caller's reports; someone else's is 404, as if it did not exist. */
    @Transactional
    public ReportView mine(long reporter, long reportId) {
        return Rows.list(em.createNativeQuery("select " + ReportView.COLUMNS
                        + " from reports r join moderation_cases c on c.id = r.case_id"
                        + " where r.id = :id and r.reporter_id = :reporter", Tuple.class)
                        .setParameter("id", reportId).setParameter("reporter", reporter)).stream()
                .map(ReportView::of).findFirst().orElseThrow(() -> ApiException.notFound("No such report"));
    }

    /** The caller's reports, newest first. */
    @Transactional
    public Page<ReportView> mine(long reporter, PageRequest page) {
        List<Tuple> rows = Rows.list(Keyset.query(em, "select " + ReportView.COLUMNS
                        + " from reports r join moderation_cases c on c.id = r.case_id"
                        + " where r.reporter_id = :reporter %s order by r.created_at desc, r.id desc",
                        "(r.created_at, r.id)", page)
                .setParameter("reporter", reporter));
        return Page.of(rows, page, Keyset::position, ReportView::of);
    }

    private long existing(long caseId, long reporter) {
        return ((Number) em.createNativeQuery("select id from reports where case_id = :case and reporter_id = :reporter")
                .setParameter("case", caseId).setParameter("reporter", reporter).getSingleResult()).longValue();
    }

    private String toJson(ReportedContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
