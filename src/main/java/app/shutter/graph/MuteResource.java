package app.shutter.graph;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users")
@Authenticated
@Tag(name = "Social graph", description = "Follows, follow requests and blocks")
public class MuteResource {

    @Inject
    Mutes mutes;

    @Inject
    CurrentUser currentUser;

    @PUT
    @Path("/{username}/mute")
    @Operation(summary = "Mute an account's posts (home feed, explore), stories (tray) or both; they are not told."
            + " A field left out (or an empty body, {}) counts as true; sending it again changes what is muted")
    @APIResponse(responseCode = "200", description = "What is muted now")
    @APIResponse(responseCode = "404", description = "No such user (or one blocking the caller)")
    public Mutes.Mute mute(@PathParam("username") String username, Mutes.Mute mute) {
        return mutes.mute(currentUser.id(), username, mute == null ? new Mutes.Mute(true, true) : mute);
    }

    @DELETE
    @Path("/{username}/mute")
    @Operation(summary = "Unmute an account (idempotent)")
    @APIResponse(responseCode = "204", description = "Not muted")
    public void unmute(@PathParam("username") String username) {
        mutes.unmute(currentUser.id(), username);
    }

    @GET
    @Path("/me/mutes")
    @Operation(summary = "The accounts the caller mutes, newest first")
    public Page<Mutes.Muted> muted(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return mutes.list(currentUser.id(), PageRequest.of(limit, cursor));
    }
}
