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
public class CloseFriendResource {

    @Inject
    CloseFriends closeFriends;

    @Inject
    CurrentUser currentUser;

    @PUT
    @Path("/{username}/close-friend")
    @Operation(summary = "Add an account to the caller's close friends, who see close-friends stories; they are not"
            + " told (idempotent)")
    @APIResponse(responseCode = "204", description = "On the list")
    @APIResponse(responseCode = "404", description = "No such user (or one blocking the caller)")
    @APIResponse(responseCode = "409", description = "The caller blocks this account")
    public void addCloseFriend(@PathParam("username") String username) {
        closeFriends.add(currentUser.id(), username);
    }

    @DELETE
    @Path("/{username}/close-friend")
    @Operation(summary = "Take an account off the caller's close friends; they are not told (idempotent)")
    @APIResponse(responseCode = "204", description = "Not on the list")
    public void removeCloseFriend(@PathParam("username") String username) {
        closeFriends.remove(currentUser.id(), username);
    }

    @GET
    @Path("/me/close-friends")
    @Operation(summary = "The caller's close friends, most recently added first")
    public Page<CloseFriends.CloseFriend> closeFriends(@QueryParam("limit") String limit,
                                                      @QueryParam("cursor") String cursor) {
        return closeFriends.list(currentUser.id(), PageRequest.of(limit, cursor));
    }
}
