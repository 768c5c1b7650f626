package app.shutter.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Refuses valid-looking tokens of ended sessions (logout, password change, deleted account). */
@ApplicationScoped
public class RevokedSessionAugmentor implements SecurityIdentityAugmentor {

    @Inject
    SessionRevocations revocations;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Long sessionId = CurrentUser.sessionIdOf(jwt);
        if (sessionId == null || CurrentUser.userIdOf(jwt) == null || revocations.isRevoked(sessionId)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("session ended"));
        }
        return Uni.createFrom().item(identity);
    }
}
