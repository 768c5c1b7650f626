package app.shutter.common.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * Browsers cannot set headers on EventSource and WebSocket connections, so those two paths also take the
 * access token as {@code ?token=}; it is verified by smallrye-jwt exactly like a Bearer header. Every other
 * path is left to the Authorization header.
 */
@ApplicationScoped
public class QueryTokenAuthentication implements HttpAuthenticationMechanism {

    /** The paths that accept ?token=. */
    public static final Set<String> PATHS = Set.of("/notifications/stream", "/chat");
    private static final int MAX_TOKEN_LENGTH = 8192;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String subprotocols = context.request().getHeader(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        if (!PATHS.contains(context.normalizedPath())
                || context.request().getHeader(HttpHeaderNames.AUTHORIZATION) != null
                || (subprotocols != null && subprotocols.contains("quarkus-http-upgrade"))) {
            // the header, or the header carried in a subprotocol, is smallrye-jwt's to check
            return Uni.createFrom().nullItem();
        }
        List<String> tokens = context.queryParam("token");
        if (tokens.isEmpty()) {
            // no credentials at all: fail here, so the refusal is the same problem+json 401 as for a bad token
            return Uni.createFrom().failure(new AuthenticationFailedException("no token"));
        }
        String token = tokens.get(0);
        if (tokens.size() > 1 || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Uni.createFrom().failure(new AuthenticationFailedException("unreadable token"));
        }
        context.put(HttpAuthenticationMechanism.class.getName(), this);
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new JsonWebTokenCredential(token));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        // before smallrye-jwt's header mechanism, which would otherwise answer 401 for a missing header
        return 2000;
    }
}
