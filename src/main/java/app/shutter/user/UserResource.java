package app.shutter.user;

import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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
}
