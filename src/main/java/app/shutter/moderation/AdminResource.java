package app.shutter.moderation;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Moderation: the report queue and its decisions (moderators and admins), roles and the log (admins). */
@Path("/admin")
@RolesAllowed({"moderator", "admin"})
@Tag(name = "Moderation", description = "For moderators and admins; 403 for other accounts")
public class AdminResource {

    @Inject
    ModerationQueue queue;

    @Inject
    ModerationService moderation;

    @Inject
    CurrentUser currentUser;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/reports")
    @Operation(summary = "The report queue: one item per reported object, oldest first")
    @APIResponse(responseCode = "200", description = "A page of cases")
    public Page<CaseView> queue(@QueryParam("status") String status, @QueryParam("kind") String kind,
                                @QueryParam("reason") String reason, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        return queue.queue(ModerationQueue.Filter.of(status, kind, reason), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/reports/{caseId}")
    @Operation(summary = "A case: the reported content as it was reported (even if hidden since), and its reports")
    @APIResponse(responseCode = "404", description = "No such case")
    public CaseView.Detail detail(@PathParam("caseId") long caseId) {
        return queue.detail(caseId);
    }

    @POST
    @Path("/reports/{caseId}/dismiss")
    @Operation(summary = "Close a case with no action")
    @APIResponse(responseCode = "200", description = "The closed case")
    @APIResponse(responseCode = "403", description = "Your own content, or (for moderators) an admin's")
    @APIResponse(responseCode = "409", description = "The case is decided already")
    public CaseView dismiss(@PathParam("caseId") long caseId, @Valid ModerationRequests.Action action) {
        return moderation.close(actor(), caseId, "dismissed", reasonOf(action));
    }

    @POST
    @Path("/reports/{caseId}/warn")
    @Operation(summary = "Close a case with a warning to the account")
    @APIResponse(responseCode = "200", description = "The closed case")
    @APIResponse(responseCode = "403", description = "Your own content, or (for moderators) an admin's")
    @APIResponse(responseCode = "409", description = "The case is decided already")
    public CaseView warn(@PathParam("caseId") long caseId, @Valid ModerationRequests.Action action) {
        return moderation.close(actor(), caseId, "warned", reasonOf(action));
    }

    @POST
    @Path("/reports/{caseId}/remove")
    @Operation(summary = "Close a case by removing the reported post, comment or story (its author is told why;"
            + " its files are deleted after the grace period)")
    @APIResponse(responseCode = "200", description = "The closed case")
    @APIResponse(responseCode = "400", description = "An account or a message: warn or suspend instead")
    @APIResponse(responseCode = "403", description = "Your own content, or (for moderators) an admin's")
    @APIResponse(responseCode = "409", description = "The case is decided already")
    public CaseView remove(@PathParam("caseId") long caseId, @Valid ModerationRequests.Action action) {
        return moderation.remove(actor(), caseId, reasonOf(action));
    }

    @POST
    @Path("/reports/{caseId}/suspend")
    @Operation(summary = "Close a case by suspending the account (for `hours`, or indefinitely without them)")
    @APIResponse(responseCode = "200", description = "The closed case; the account's sessions have ended")
    @APIResponse(responseCode = "403", description = "Your own content, or (for moderators) an admin's")
    @APIResponse(responseCode = "409", description = "The case is decided already")
    public CaseView suspendFromCase(@PathParam("caseId") long caseId,
                                    @Valid ModerationRequests.Suspension suspension) {
        return moderation.suspendFromCase(actor(), caseId, suspensionOrIndefinite(suspension));
    }

    @POST
    @Path("/users/{username}/suspend")
    @Operation(summary = "Suspend an account: hidden from everyone, sessions ended, login refused; nothing deleted")
    @APIResponse(responseCode = "204", description = "Suspended")
    @APIResponse(responseCode = "403", description = "Yourself, or (for moderators) an admin")
    @APIResponse(responseCode = "404", description = "No such user")
    public void suspend(@PathParam("username") String username, @Valid ModerationRequests.Suspension suspension) {
        moderation.suspend(actor(), username, suspensionOrIndefinite(suspension));
    }

    @POST
    @Path("/users/{username}/unsuspend")
    @Operation(summary = "End a suspension: the account and everything of it are seen again")
    @APIResponse(responseCode = "204", description = "Unsuspended")
    @APIResponse(responseCode = "409", description = "The account is not suspended")
    public void unsuspend(@PathParam("username") String username, @Valid ModerationRequests.Action action) {
        moderation.unsuspend(actor(), username, reasonOf(action));
    }

    @PUT
    @Path("/moderators/{username}")
    @RolesAllowed("admin")
    @Operation(summary = "Make an account a moderator (admins); its sessions end so that new tokens carry the role")
    @APIResponse(responseCode = "204", description = "It is a moderator")
    @APIResponse(responseCode = "409", description = "The account is an admin")
    public void grant(@PathParam("username") String username) {
        moderation.setModerator(actor(), username, true);
    }

    @DELETE
    @Path("/moderators/{username}")
    @RolesAllowed("admin")
    @Operation(summary = "Make a moderator a user again (admins); its sessions end")
    @APIResponse(responseCode = "204", description = "It is a user")
    public void revoke(@PathParam("username") String username) {
        moderation.setModerator(actor(), username, false);
    }

    @GET
    @Path("/log")
    @RolesAllowed("admin")
    @Operation(summary = "The moderation log, newest first (admins)")
    @APIResponse(responseCode = "200", description = "A page of log entries")
    public Page<LogEntry> log(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queue.log(PageRequest.of(limit, cursor));
    }

    /** The body is optional: no body, no reason. */
    private static String reasonOf(ModerationRequests.Action action) {
        return action == null ? null : action.reason();
    }

    private static ModerationRequests.Suspension suspensionOrIndefinite(ModerationRequests.Suspension suspension) {
        return suspension == null ? new ModerationRequests.Suspension(null, null) : suspension;
    }

    private ModerationService.Actor actor() {
        return new ModerationService.Actor(currentUser.id(), identity.hasRole("admin"));
    }
}
