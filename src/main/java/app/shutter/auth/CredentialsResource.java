package app.shutter.auth;

import app.shutter.common.security.CurrentUser;
import app.shutter.user.Me;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's credentials, under /users/me with the rest of the account (user/UserResource). */
@Path("/users")
@Authenticated
@Tag(name = "Users", description = "Profiles and the caller's own account")
public class CredentialsResource {

    @Inject
    CredentialService credentials;

    @Inject
    CurrentUser currentUser;

    @PUT
    @Path("/me/email")
    @Operation(summary = "Change email (requires the current password)")
    @APIResponse(responseCode = "200", description = "The updated account")
    @APIResponse(responseCode = "409", description = "Email already registered")
    public Me changeEmail(@Valid @NotNull AuthRequests.ChangeEmail request) {
        return credentials.changeEmail(currentUser.id(), request);
    }

    @PUT
    @Path("/me/password")
    @Operation(summary = "Change password; every other session ends")
    @APIResponse(responseCode = "204", description = "Password changed")
    public void changePassword(@Valid @NotNull AuthRequests.ChangePassword request) {
        credentials.changePassword(currentUser.id(), currentUser.sessionId(), request);
    }

    @DELETE
    @Path("/me")
    @Operation(summary = "Delete (deactivate) the account; every session ends, the username stays reserved")
    @APIResponse(responseCode = "204", description = "Account deleted")
    public void delete(@Valid @NotNull AuthRequests.DeleteAccount request) {
        credentials.deactivate(currentUser.id(), request);
    }
}
