package app.shutter.auth;

import app.shutter.common.security.CurrentUser;
import app.shutter.user.Me;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.POST;
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
    EmailChange emailChange;

    @Inject
    CurrentUser currentUser;

    @PUT
    @Path("/me/email")
    @Operation(summary = "Start a change of email (requires the current password): the new address gets a code, and"
            + " becomes the account's only when the code is confirmed")
    @APIResponse(responseCode = "202", description = "The code is on its way to the new address")
    @APIResponse(responseCode = "409", description = "Email already registered")
    @APIResponse(responseCode = "429", description = "Too many codes mailed for this account")
    public Response changeEmail(@Valid @NotNull AuthRequests.ChangeEmail request) {
        return Response.accepted(credentials.changeEmail(currentUser.id(), request)).build();
    }

    @POST
    @Path("/me/email/confirm")
    @Operation(summary = "Confirm a change of email with the code mailed to the new address: it becomes the"
            + " account's (verified), and the old address gets a notice with a link that undoes the change")
    @APIResponse(responseCode = "200", description = "The account with its new address")
    @APIResponse(responseCode = "400", description = "Wrong or expired code, or no change waiting")
    @APIResponse(responseCode = "409", description = "Another account verified that address meanwhile")
    public Me confirmEmail(@Valid @NotNull AuthRequests.VerifyEmail request) {
        return emailChange.confirm(currentUser.id(), request.code());
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
