package app.shutter.auth;

import app.shutter.common.security.CurrentUser;
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

import java.net.URI;

@Path("/auth")
@Tag(name = "Auth", description = "Accounts, tokens and sessions")
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    SessionService sessions;

    @Inject
    LoginChallenges challenges;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/register")
    @PermitAll
    @Operation(summary = "Create an account and start a session")
    @APIResponse(responseCode = "201", description = "Account created",
            content = @Content(schema = @Schema(implementation = AuthResponse.class)))
    @APIResponse(responseCode = "409", description = "Username or email already in use (`errors` names the field)")
    @APIResponse(responseCode = "429", description = "Too many registrations from this address")
    public Response register(@Valid @NotNull AuthRequests.Register request, @Context HttpServerRequest http) {
        AuthResponse created = auth.register(request, Client.of(http));
        return Response.created(URI.create("/users/" + created.user().username())).entity(created).build();
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Log in with username or email; starts a session, or (two-factor login on) answers a"
            + " challenge for POST /auth/login/2fa and no tokens")
    @APIResponse(responseCode = "200", description = "Logged in, or the second factor is needed",
            content = @Content(schema = @Schema(oneOf = {AuthResponse.class, TwoFactorViews.Challenge.class})))
    @APIResponse(responseCode = "401", description = "Wrong login or password (same answer for unknown users)")
    @APIResponse(responseCode = "429", description = "Too many failed logins for this address or account")
    public LoginAnswer login(@Valid @NotNull AuthRequests.Login request, @Context HttpServerRequest http) {
        return auth.login(request, Client.of(http));
    }

    @POST
    @Path("/login/2fa")
    @PermitAll
    @Operation(summary = "Complete a login with its challenge and a code from the authenticator app, or a recovery"
            + " code (each works once)")
    @APIResponse(responseCode = "200", description = "Logged in",
            content = @Content(schema = @Schema(implementation = AuthResponse.class)))
    @APIResponse(responseCode = "401", description = "A wrong code, or a challenge invalid, expired or used up")
    @APIResponse(responseCode = "429", description = "Too many wrong codes for this account")
    public AuthResponse secondFactor(@Valid @NotNull AuthRequests.SecondFactor request,
                                     @Context HttpServerRequest http) {
        return challenges.complete(request, Client.of(http));
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(summary = "Exchange a refresh token for a new token pair (the old refresh token stops working)")
    @APIResponse(responseCode = "200", description = "New token pair",
            content = @Content(schema = @Schema(implementation = AuthResponse.class)))
    @APIResponse(responseCode = "401",
            description = "Unknown, expired or already used refresh token; reuse ends the session")
    public AuthResponse refresh(@Valid @NotNull AuthRequests.Refresh request) {
        return sessions.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    @Authenticated
    @Operation(summary = "End this session: its access and refresh tokens stop working at once")
    @APIResponse(responseCode = "204", description = "Logged out",
            content = @Content(schema = @Schema(type = SchemaType.DEFAULT)))
    public void logout() {
        sessions.end(currentUser.sessionId());
    }

}
