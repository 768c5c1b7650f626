package app.shutter.auth;

import app.shutter.common.error.ApiException;
import app.shutter.common.security.RateLimiter;
import app.shutter.common.security.RateLimiter.Limit;
import app.shutter.user.Me;
import app.shutter.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Changes that need the current password: email, password, deleting the account. */
@ApplicationScoped
public class CredentialService {

    @Inject
    UserService users;

    @Inject
    SessionService sessions;

    @Inject
    PasswordPolicy passwords;

    @Inject
    RateLimiter limiter;

    @Inject
    AuthConfig config;

    @Inject
    EmailVerification verification;

    // Each change checks the password (bcrypt, ~100 ms) and hashes a new one outside any transaction, then
    // writes in a short transaction of its own: a request never holds a connection while it hashes.

    public Me changeEmail(long userId, AuthRequests.ChangeEmail request) {
        verifyPassword(userId, request.password(), "password");
        return QuarkusTransaction.requiringNew().call(() -> {
            Me me = users.changeEmail(userId, request.email());
            if (!me.emailVerified()) {
                // a new address: mail it a code (it logs in and resets only once verified)
                verification.issue(users.me(userId));
            }
            return me;
        });
    }

    /** Ends every other session; the one making the change stays logged in. */
    public void changePassword(long userId, long sessionId, AuthRequests.ChangePassword request) {
        verifyPassword(userId, request.currentPassword(), "currentPassword");
        String passwordHash = passwords.hash(request.newPassword());
        QuarkusTransaction.requiringNew().run(() -> {
            users.changePasswordHash(userId, passwordHash);
            sessions.endAllOf(userId, sessionId);
        });
    }

    /** Every session ends; the username stays reserved (user/UserService#deactivate). */
    public void deactivate(long userId, AuthRequests.DeleteAccount request) {
        verifyPassword(userId, request.password(), "password");
        QuarkusTransaction.requiringNew().run(() -> {
            sessions.endAllOf(userId, null);
            users.deactivate(userId);
        });
    }

    private void verifyPassword(long userId, String password, String field) {
        AuthConfig.RateLimits limits = config.rateLimit();
        // the caller is signed in, so only this account's guesses count (a stolen access token's)
        List<Limit> limit = List.of(new Limit("password-check:" + userId, limits.loginFailuresPerAccountAndAddress(),
                limits.loginWindow()));
        String passwordHash = QuarkusTransaction.requiringNew().call(() -> {
            limiter.ensureAvailable(limit, "Too many wrong passwords; try again later");
            return users.me(userId).passwordHash;
        });
        if (!passwords.matches(password, passwordHash)) {
            limiter.record(limit);
            throw ApiException.invalidField(field, "is incorrect");
        }
    }
}
