package app.shutter.graph;

import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users")
@Authenticated
@Tag(name = "Social graph", description = "Follows, follow requests and blocks")
public class PostSubscriptionResource {

    @Inject
    PostSubscriptions subscriptions;

    @Inject
    CurrentUser currentUser;

    @PUT
    @Path("/{username}/post-notifications")
    @Operation(summary = "Be told of each new post of an account the caller follows (a 'post' notification);"
            + " ends with the follow (idempotent)")
    @APIResponse(responseCode = "204", description = "On")
    @APIResponse(responseCode = "404", description = "No such user (or one blocking the caller)")
    @APIResponse(responseCode = "409", description = "The caller does not follow this account")
    public void turnOnPostNotifications(@PathParam("username") String username) {
        subscriptions.subscribe(currentUser.id(), username);
    }

    @DELETE
    @Path("/{username}/post-notifications")
    @Operation(summary = "Stop being told of an account's new posts (idempotent)")
    @APIResponse(responseCode = "204", description = "Off")
    public void turnOffPostNotifications(@PathParam("username") String username) {
        subscriptions.unsubscribe(currentUser.id(), username);
    }
}
