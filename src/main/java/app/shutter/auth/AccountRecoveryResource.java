package app.shutter.auth;

import app.shutter.common.security.CurrentUser;
import app.shutter.user.Me;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Verifying the address and resetting a forgotten password, both by mail. */
@Path("/auth")
@Tag(name = "Auth", description = "Accounts, tokens and sessions")
public class AccountRecoveryResource {

    @Inject
    EmailVerification verification;

    @Inject
    PasswordReset reset;

    @Inject
    EmailChange emailChange;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/email/verify")
    @Authenticated
    @Operation(summary = "Verify the account's address with the 6-digit code mailed to it")
    @APIResponse(responseCode = "200", description = "Verified; the account as it is now",
            content = @Content(schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "400", description = "Wrong, expired or spent code (5 attempts), or already verified")
    @APIResponse(responseCode = "409", description = "Another account verified this address first")
    public Me verify(@Valid @NotNull AuthRequests.VerifyEmail request) {
        return verification.verify(currentUser.id(), request.code());
    }

    @POST
    @Path("/email/resend")
    @Authenticated
    @Operation(summary = "Mail a new verification code (the one before stops working)")
    @APIResponse(responseCode = "202", description = "Queued for sending",
            content = @Content(schema = @Schema(type = SchemaType.DEFAULT)))
    @APIResponse(responseCode = "400", description = "The address is already verified")
    @APIResponse(responseCode = "429", description = "Too many verification mails for this account")
    public Response resend() {
        verification.resend(currentUser.id());
        return Response.accepted().build();
    }

    @POST
    @Path("/password/forgot")
    @PermitAll
    @Operation(summary = "Mail a password reset token to the account with this verified email or this username",
            description = "Answers 202 whether or not such an account exists, and does the same work either way.")
    @APIResponse(responseCode = "202", description = "Accepted (a mail goes out if the account exists)",
            content = @Content(schema = @Schema(type = SchemaType.DEFAULT)))
    @APIResponse(responseCode = "429", description = "Too many reset requests from this address")
    public Response forgot(@Valid @NotNull AuthRequests.ForgotPassword request, @Context HttpServerRequest http) {
        reset.request(request, Client.of(http).address());
        return Response.accepted().build();
    }

    @POST
    @Path("/password/reset")
    @PermitAll
    @Operation(summary = "Set a new password with the mailed token; every session of the account ends")
    @APIResponse(responseCode = "204", description = "Password changed",
            content = @Content(schema = @Schema(type = SchemaType.DEFAULT)))
    @APIResponse(responseCode = "400", description = "Invalid, used or expired token, or a password the policy refuses")
    public void reset(@Valid @NotNull AuthRequests.ResetPassword request) {
        reset.reset(request);
    }

    @POST
    @Path("/email/undo")
    @PermitAll
    @Operation(summary = "Undo a change of email with the link's token mailed to the old address: the old address is"
            + " the account's again and every session ends (no access token needed)")
    @APIResponse(responseCode = "204", description = "Undone; log in again (and choose a new password)",
            content = @Content(schema = @Schema(type = SchemaType.DEFAULT)))
    @APIResponse(responseCode = "400", description = "Invalid, used or expired token")
    @APIResponse(responseCode = "409", description = "Another account verified the old address meanwhile")
    public void undoEmailChange(@Valid @NotNull AuthRequests.UndoEmailChange request) {
        emailChange.undo(request.token());
    }
}
