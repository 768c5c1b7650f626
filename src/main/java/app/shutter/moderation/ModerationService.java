package app.shutter.moderation;

import app.shutter.auth.SessionService;
import app.shutter.common.Text;
import app.shutter.common.error.ApiException;
import app.shutter.common.persistence.Rows;
import app.shutter.notification.NotificationType;
import app.shutter.notification.Notifier;
import app.shutter.post.CommentService;
import app.shutter.post.PostService;
import app.shutter.story.StoryService;
import app.shutter.user.Role;
import app.shutter.user.User;
import app.shutter.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What moderators and admins do. Each action checks who may act on whom, changes one case or account, and
 * writes one row of the append-only log in the same transaction.
 */
@ApplicationScoped
public class ModerationService {

    /** Who acts: their account and whether they are an admin (from the token). */
    public record Actor(long id, boolean admin) {
    }

    @Inject
    EntityManager em;

    @Inject
    ModerationQueue queue;

    @Inject
    UserService users;

    @Inject
    SessionService sessions;

    @Inject
    Notifier notifier;

    @Inject
    PostService posts;

    @Inject
    CommentService comments;

    @Inject
    StoryService stories;

    /** Closes an open case with an outcome that changes nothing else (dismissed, warned). */
    @Transactional
    public CaseView close(Actor actor, long caseId, String outcome, String reason) {
        OpenCase open = openCase(actor, caseId);
        decide(actor, open, outcome, outcome.equals("dismissed") ? "dismiss" : "warn", reason);
        if (outcome.equals("warned")) {
            notifier.notice(NotificationType.WARNING, new Notifier.Notice(open.kind(), outcome, reason, null),
                    List.of(new Notifier.Addressee(open.owner(), open.targetId(), null)));
        }
        return queue.summary(caseId);
    }

    /**
     * Closes an open case by removing the reported post, comment or story: gone for everyone at once, its files
     * kept for the grace period (the case still shows them), its author told why.
     */
    @Transactional
    public CaseView remove(Actor actor, long caseId, String reason) {
        OpenCase open = openCase(actor, caseId);
        switch (open.kind()) {
            case "post" -> posts.remove(open.targetId());
            case "comment" -> comments.remove(open.targetId());
            case "story" -> stories.remove(open.targetId());
            default -> throw ApiException.badRequest("Only posts, comments and stories can be removed; a "
                    + open.kind() + " calls for a warning or a suspension");
        }
        decide(actor, open, "removed", "remove", reason);
        notifier.notice(NotificationType.CONTENT_REMOVED, new Notifier.Notice(open.kind(), "removed", reason, null),
                List.of(new Notifier.Addressee(open.owner(), open.targetId(), null)));
        return queue.summary(caseId);
    }

    /** Closes an open case by suspending the account the reported object belongs to. */
    @Transactional
    public CaseView suspendFromCase(Actor actor, long caseId, ModerationRequests.Suspension suspension) {
        OpenCase open = openCase(actor, caseId);
        suspendAccount(open.owner(), open.kind(), open.targetId(), suspension);
        decide(actor, open, "suspended", "suspend", suspension.reason());
        return queue.summary(caseId);
    }

    /** Suspends an account directly (not from a report); again: the new end replaces the old. */
    @Transactional
    public void suspend(Actor actor, String username, ModerationRequests.Suspension suspension) {
        User user = account(actor, username);
        suspendAccount(user.id, "account", user.id, suspension);
        log(actor, "suspend", "account", user.id, user.id, null, suspension.reason());
    }

    /** Ends a suspension: the account and everything of it are seen again. */
    @Transactional
    public void unsuspend(Actor actor, String username, String reason) {
        User user = account(actor, username);
        if (user.suspendedAt == null) {
            throw ApiException.conflict("username", "is not suspended");
        }
        users.unsuspend(user.id);
        log(actor, "unsuspend", "account", user.id, user.id, null, reason);
    }

    /** Suspends the account, ends its sessions, and leaves it a notice saying why and until when. */
    private void suspendAccount(long userId, String kind, long targetId, ModerationRequests.Suspension suspension) {
        Instant until = suspension.hours() == null ? null : Instant.now().plus(Duration.ofHours(suspension.hours()));
        users.suspend(userId, until);
        // through the revocation path: its tokens are refused on every instance at once
        sessions.endAllOf(userId, null);
        notifier.notice(NotificationType.SUSPENSION, new Notifier.Notice(kind, "suspended", suspension.reason(), until),
                List.of(new Notifier.Addressee(userId, targetId, null)));
    }

    /** The open case, locked (decisions on one case happen one after the other), if the actor may decide it. */
    private OpenCase openCase(Actor actor, long caseId) {
        Tuple row = Rows.list(em.createNativeQuery("""
                        select c.target_kind, c.target_id, c.target_owner_id, c.status, u.role as owner_role
                        from moderation_cases c join users u on u.id = c.target_owner_id
                        where c.id = :id for update of c""", Tuple.class).setParameter("id", caseId)).stream()
                .findFirst().orElseThrow(() -> ApiException.notFound("No such case"));
        if (!"open".equals(Rows.text(row, "status"))) {
            throw ApiException.conflict("status", "this case is decided already");
        }
        OpenCase open = new OpenCase(caseId, Rows.text(row, "target_kind"), Rows.id(row, "target_id"),
                Rows.id(row, "target_owner_id"));
        mayActOn(actor, open.owner(), Role.of(Rows.text(row, "owner_role")));
        return open;
    }

    private record OpenCase(long id, String kind, long targetId, long owner) {
    }

    private void decide(Actor actor, OpenCase open, String outcome, String action, String reason) {
        em.createNativeQuery("""
                        update moderation_cases set status = 'closed', outcome = :outcome, closed_at = clock_timestamp(),
                                                    closed_by = :actor
                        where id = :id""")
                .setParameter("outcome", outcome).setParameter("actor", actor.id()).setParameter("id", open.id())
                .executeUpdate();
        em.createNativeQuery("update moderation_case_reasons set status = 'closed' where case_id = :id")
                .setParameter("id", open.id()).executeUpdate();
        log(actor, action, open.kind(), open.targetId(), open.owner(), open.id(), reason);
        // every reporter learns the decision on their report (not the moderator's words to the account)
        List<Tuple> reports = Rows.list(em.createNativeQuery("select id, reporter_id from reports where case_id = :id",
                Tuple.class).setParameter("id", open.id()));
        notifier.notice(NotificationType.REPORT_OUTCOME, new Notifier.Notice(open.kind(), outcome, null, null),
                reports.stream().map(r -> new Notifier.Addressee(Rows.id(r, "reporter_id"), open.targetId(),
                        Rows.id(r, "id"))).toList());
    }

    /** An account (not deactivated) the actor may act on. */
    private User account(Actor actor, String username) {
        User user = User.findActiveByUsername(username.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.notFound("No such user"));
        mayActOn(actor, user.id, user.role());
        return user;
    }

    /** Admins make an account a moderator, or a moderator a user again; its sessions end (tokens carry roles). */
    @Transactional
    public void setModerator(Actor admin, String username, boolean moderator) {
        User user = User.findActiveByUsername(username.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.notFound("No such user"));
        if (user.id == admin.id()) {
            throw ApiException.forbidden("You cannot change your own role");
        }
        if (user.role() == Role.ADMIN) {
            throw ApiException.conflict("username", "is an admin");
        }
        Role wanted = moderator ? Role.MODERATOR : Role.USER;
        if (user.role() == wanted) {
            return;
        }
        users.changeRole(user.id, wanted);
        sessions.endAllOf(user.id, null);
        log(admin, moderator ? "grant_moderator" : "revoke_moderator", "account", user.id, user.id, null, null);
    }

    /** Nobody acts on their own account or content; moderators do not act on admins. */
    static void mayActOn(Actor actor, long owner, Role ownerRole) {
        if (owner == actor.id()) {
            throw ApiException.forbidden("You cannot act on your own account or content");
        }
        if (ownerRole == Role.ADMIN && !actor.admin()) {
            throw ApiException.forbidden("Moderators cannot act on an admin");
        }
    }

    private void log(Actor actor, String action, String kind, long targetId, long account, Long caseId,
                     String reason) {
        em.createNativeQuery("""
                        insert into moderation_log (actor_id, action, target_kind, target_id, target_account_id,
                                                    case_id, reason)
                        values (:actor, :action, :kind, :target, :account, cast(:case as bigint), cast(:reason as varchar))""")
                .setParameter("actor", actor.id()).setParameter("action", action).setParameter("kind", kind)
                .setParameter("target", targetId).setParameter("account", account)
                .setParameter("case", caseId).setParameter("reason", Text.trimToNull(reason))
                .executeUpdate();
    }
}
