package app.shutter.auth;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where the caller is logged in, and ending those logins. */
@Path("/users/me/sessions")
@Authenticated
@Tag(name = "Users", description = "Profiles and the caller's own account")
public class SessionsResource {

    @Inject
    SessionService sessions;

    @Inject
    SessionList list;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The caller's live sessions, newest login first; `current` marks this request's")
    public Page<SessionView> sessions(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return list.of(currentUser.id(), currentUser.sessionId(), PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End one of your sessions: its tokens stop working at once, on every instance")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "No live session of yours has this id")
    public void end(@PathParam("id") long id) {
        sessions.endOwn(currentUser.id(), id);
    }

    @POST
    @Path("/revoke-others")
    @Operation(summary = "End every session but this one")
    @APIResponse(responseCode = "204", description = "Ended")
    public void endOthers() {
        sessions.endAllOf(currentUser.id(), currentUser.sessionId());
    }
}
