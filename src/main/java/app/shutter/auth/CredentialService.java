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
    EmailChange emailChange;

    // Each change checks the password (bcrypt, ~100 ms) and hashes a new one outside any transaction, then
    // writes in a short transaction of its own: a request never holds a connection while it hashes.

    /** Starts a change of address (see {@link EmailChange}): nothing changes until the mailed code comes back. */
    public EmailChangeView changeEmail(long userId, AuthRequests.ChangeEmail request) {
        verifyPassword(userId, request.password(), "password");
        return emailChange.start(userId, request.email());
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

    /** 400 on the field {@code password} unless it is the account's (wrong guesses limited per account). */
    public void checkPassword(long userId, String password) {
        verifyPassword(userId, password, "password");
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
