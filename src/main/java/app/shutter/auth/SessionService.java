package app.shutter.auth;

import app.shutter.common.error.ApiException;
import app.shutter.user.Me;
import app.shutter.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Sessions and their refresh-token families: start, rotate, end. */
@ApplicationScoped
public class SessionService {

    private static final String INVALID_REFRESH = "The refresh token is invalid, expired or already used";

    @Inject
    KnownDevices devices;

    @Inject
    TokenService tokens;

    @Inject
    AuthConfig config;

    @Inject
    Event<SessionsRevoked> revoked;

    /**
     * A login or registration: a session that remembers the client (its user agent and network), and the token
     * the device keeps for later logins (KnownDevices).
     */
    @Transactional
    public AuthResponse start(User user, String deviceToken, Client client) {
        Instant now = now();
        // a suspension refuses every new session; one whose time is up is ended by the next expiry run
        if (user.suspendedAt != null && (user.suspendedUntil == null || user.suspendedUntil.isAfter(now))) {
            throw ApiException.forbidden(user.suspendedUntil == null ? "This account is suspended indefinitely"
                    : "This account is suspended until " + user.suspendedUntil);
        }
        Session session = new Session();
        session.userId = user.id;
        session.createdAt = now;
        session.expiresAt = now.plus(config.refreshTokenTtl());
        session.userAgent = client.userAgent();
        session.clientNetwork = client.network();
        session.persist();
        return issue(user, session, now).withDeviceToken(devices.remember(user.id, deviceToken));
    }

    /** Rotation: a refresh token works once; presenting a used one ends its whole session. */
    @Transactional(dontRollbackOn = ApiException.class)
    public AuthResponse refresh(String rawToken) {
        Instant now = now();
        RefreshToken token = RefreshToken.findByHashForUpdate(TokenService.hash(rawToken))
                .orElseThrow(() -> ApiException.unauthorized(INVALID_REFRESH));
        Session session = Session.findById(token.sessionId);
        if (session == null || !session.isLive(now) || token.expiresAt.isBefore(now)) {
            throw ApiException.unauthorized(INVALID_REFRESH);
        }
        if (token.usedAt != null) {
            revoke(List.of(session), now);
            throw ApiException.unauthorized(INVALID_REFRESH);
        }
        User user = User.findActiveById(session.userId).orElseThrow(() -> ApiException.unauthorized(INVALID_REFRESH));
        token.usedAt = now;
        session.expiresAt = now.plus(config.refreshTokenTtl());
        session.lastRefreshedAt = now; // written here only: authenticating a request writes nothing
        return issue(user, session, now);
    }

    @Transactional
    public void end(long sessionId) {
        Session session = Session.findById(sessionId);
        if (session != null && session.revokedAt == null) {
            revoke(List.of(session), now());
        }
    }

    /** Ends one of the user's own live sessions; any other id (another account's, an ended one) is 404. */
    @Transactional
    public void endOwn(long userId, long sessionId) {
        Session session = Session.findById(sessionId);
        if (session == null || !session.userId.equals(userId) || !session.isLive(now())) {
            throw ApiException.notFound("No such session");
        }
        revoke(List.of(session), now());
    }

    /** Ends every live session of the user except {@code keepSessionId} (null: all of them). */
    @Transactional
    public void endAllOf(long userId, Long keepSessionId) {
        List<Session> live = Session.list("userId = ?1 and revokedAt is null", userId);
        revoke(live.stream().filter(s -> !s.id.equals(keepSessionId)).toList(), now());
    }

    private void revoke(List<Session> sessions, Instant now) {
        if (sessions.isEmpty()) {
            return;
        }
        sessions.forEach(s -> s.revokedAt = now);
        revoked.fire(new SessionsRevoked(sessions.stream().map(s -> s.id).toList(), now));
    }

    private AuthResponse issue(User user, Session session, Instant now) {
        String refresh = tokens.newRefreshToken();
        RefreshToken token = new RefreshToken();
        token.sessionId = session.id;
        token.tokenHash = TokenService.hash(refresh);
        token.createdAt = now;
        token.expiresAt = now.plus(config.refreshTokenTtl());
        token.persist();
        return new AuthResponse(tokens.accessToken(user, session.id, now), refresh, tokens.expiresInSeconds(),
                Me.of(user), null);
    }

    // PostgreSQL keeps microseconds; truncating keeps Java and database timestamps equal.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
