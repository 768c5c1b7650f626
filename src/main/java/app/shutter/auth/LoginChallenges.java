package app.shutter.auth;

import app.shutter.common.error.ApiException;
import app.shutter.common.persistence.Rows;
import app.shutter.common.security.RateLimiter;
import app.shutter.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;

/**
 * The second step of a login with two-factor login on: a right password gets a challenge (an opaque token, its
 * hash stored, 5 minutes, used once, a few attempts), and the challenge with a right code gets the session.
 */
@ApplicationScoped
public class LoginChallenges {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    private static final String INVALID = "The login challenge is invalid, expired or used up; log in again";

    @Inject
    EntityManager em;

    @Inject
    TokenService tokens;

    @Inject
    TwoFactor twoFactor;

    @Inject
    SessionService sessions;

    @Inject
    RateLimiter limiter;

    /** For an account whose password was right. */
    @Transactional(Transactional.TxType.MANDATORY)
    TwoFactorViews.Challenge issue(long userId, String deviceToken) {
        String challenge = tokens.newRefreshToken(); // 256 random bits, URL-safe
        em.createNativeQuery("""
                        insert into login_challenges (token_hash, user_id, device_token, expires_at)
                        values (:hash, :user, :device, now() + :seconds * interval '1 second')""")
                .setParameter("hash", TokenService.hash(challenge)).setParameter("user", userId)
                .setParameter("device", deviceToken).setParameter("seconds", LIFETIME.toSeconds()).executeUpdate();
        return new TwoFactorViews.Challenge(true, challenge, LIFETIME.toSeconds());
    }

    /** A right code or recovery code ends the challenge and starts the session; a wrong one counts (401). */
    public AuthResponse complete(AuthRequests.SecondFactor request, Client client) {
        Passed passed = QuarkusTransaction.requiringNew().call(() -> check(request));
        if (passed.user() == null) {
            limiter.record(List.of(twoFactor.limit(passed.userId())));
            throw ApiException.unauthorized(request.code() != null ? "The code is not right"
                    : "The recovery code is not right or was used already");
        }
        return sessions.start(passed.user(), passed.deviceToken(), client);
    }

    private record Passed(long userId, User user, String deviceToken) {
    }

    private Passed check(AuthRequests.SecondFactor request) {
        List<Tuple> rows = Rows.list(em.createNativeQuery("""
                        select id, user_id, device_token from login_challenges
                        where token_hash = :hash and used_at is null and expires_at > now() and attempts < :max
                        for update""", Tuple.class)
                .setParameter("hash", TokenService.hash(request.challenge())).setParameter("max", MAX_ATTEMPTS));
        if (rows.isEmpty()) {
            throw ApiException.unauthorized(INVALID);
        }
        Tuple row = rows.get(0);
        long userId = Rows.id(row, "user_id");
        limiter.ensureAvailable(List.of(twoFactor.limit(userId)), "Too many wrong codes; try again later");
        if (!twoFactor.accept(userId, request.code(), request.recoveryCode())) {
            em.createNativeQuery("update login_challenges set attempts = attempts + 1 where id = :id")
                    .setParameter("id", Rows.id(row, "id")).executeUpdate();
            return new Passed(userId, null, null);
        }
        em.createNativeQuery("update login_challenges set used_at = now() where id = :id")
                .setParameter("id", Rows.id(row, "id")).executeUpdate();
        User user = User.findActiveById(userId).orElseThrow(() -> ApiException.unauthorized(INVALID));
        return new Passed(userId, user, Rows.text(row, "device_token"));
    }
}
