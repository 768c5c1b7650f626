package app.shutter.auth;

import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Turning two-factor login (TOTP) on and off. */
@Path("/users/me/two-factor")
@Authenticated
@Tag(name = "Users", description = "Profiles and the caller's own account")
public class TwoFactorResource {

    @Inject
    TwoFactor twoFactor;

    @Inject
    CredentialService credentials;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "Whether two-factor login is on, and how many recovery codes are left")
    public TwoFactorViews.Status status() {
        return twoFactor.status(currentUser.id());
    }

    @POST
    @Operation(summary = "Start enrolment (requires the password): a secret, its otpauth:// URI and a QR code for the"
            + " authenticator app; nothing changes until a code confirms it")
    @APIResponse(responseCode = "200", description = "Scan the QR code, then confirm with a code")
    @APIResponse(responseCode = "409", description = "Two-factor login is on already")
    public TwoFactorViews.Enrolment enrol(@Valid @NotNull AuthRequests.ConfirmPassword request) {
        credentials.checkPassword(currentUser.id(), request.password());
        return twoFactor.enrol(currentUser.id());
    }

    @POST
    @Path("/confirm")
    @Operation(summary = "Turn two-factor login on with a first code from the app; answers 10 single-use recovery"
            + " codes, shown this once")
    @APIResponse(responseCode = "400", description = "A wrong code, or no enrolment waiting")
    @APIResponse(responseCode = "429", description = "Too many wrong codes")
    public TwoFactorViews.RecoveryCodes confirm(@Valid @NotNull AuthRequests.TwoFactorCode request) {
        return twoFactor.confirm(currentUser.id(), request.code());
    }

    @DELETE
    @Operation(summary = "Turn two-factor login off (requires the password and a code or a recovery code)")
    @APIResponse(responseCode = "204", description = "Off; the recovery codes are gone")
    @APIResponse(responseCode = "400", description = "A wrong password or code, or it is off")
    public void disable(@Valid @NotNull AuthRequests.DisableTwoFactor request) {
        credentials.checkPassword(currentUser.id(), request.password());
        twoFactor.disable(currentUser.id(), request.code(), request.recoveryCode());
    }
}
