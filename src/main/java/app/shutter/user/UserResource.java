package app.shutter.user;

import app.shutter.common.pagination.Page;
import app.shutter.common.security.CurrentUser;
import app.shutter.graph.GraphItems;
import app.shutter.graph.GraphService;
import app.shutter.graph.UserSearch;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users")
@Authenticated
@Tag(name = "Users", description = "Profiles and the caller's own account")
public class UserResource {

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    GraphService graph;

    @Inject
    UserSearch search;

    @GET
    @Path("/me")
    @Operation(summary = "The caller's account")
    public Me me() {
        return Me.of(users.me(currentUser.id()));
    }

    @PATCH
    @Path("/me")
    @Operation(summary = "Update profile fields; absent fields are unchanged, null clears a field")
    public Me update(@Valid @NotNull ProfilePatch patch) {
        return users.update(currentUser.id(), patch);
    }

    @PUT
    @Path("/me/username")
    @Operation(summary = "Change username; the old one becomes available")
    @APIResponse(responseCode = "200", description = "The updated account")
    @APIResponse(responseCode = "409", description = "Username taken")
    public Me changeUsername(@Valid @NotNull UserRequests.ChangeUsername request) {
        return users.changeUsername(currentUser.id(), request.username());
    }

    @PUT
    @Path("/me/email")
    @Operation(summary = "Change email (requires the current password)")
    @APIResponse(responseCode = "200", description = "The updated account")
    @APIResponse(responseCode = "409", description = "Email already registered")
    public Me changeEmail(@Valid @NotNull UserRequests.ChangeEmail request) {
        return users.changeEmail(currentUser.id(), request);
    }

    @PUT
    @Path("/me/password")
    @Operation(summary = "Change password; every other session ends")
    @APIResponse(responseCode = "204", description = "Password changed")
    public void changePassword(@Valid @NotNull UserRequests.ChangePassword request) {
        users.changePassword(currentUser.id(), currentUser.sessionId(), request);
    }

    @DELETE
    @Path("/me")
    @Operation(summary = "Delete (deactivate) the account; every session ends, the username stays reserved")
    @APIResponse(responseCode = "204", description = "Account deleted")
    public void delete(@Valid @NotNull UserRequests.DeleteAccount request) {
        users.deactivate(currentUser.id(), request);
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "A user's public profile")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No such user, or deactivated")
    public PublicProfile profile(@PathParam("username") String username) {
        return graph.profile(currentUser.id(), username);
    }

    @GET
    @Operation(summary = "Search users: the exact username first, then accounts with a word of their username or name"
            + " that starts with the query, in the order of the matching words (case, accent and punctuation"
            + " insensitive: 'jean luc' finds Jean-Luc and jean_luc)")
    @APIResponse(responseCode = "200", description = "A page of matching accounts")
    public Page<GraphItems.UserItem> search(@QueryParam("q") String q, @QueryParam("limit") String limit,
                                            @QueryParam("cursor") String cursor) {
        return search.search(currentUser.id(), q, limit, cursor);
    }
}
