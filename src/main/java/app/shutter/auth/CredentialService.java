package app.shutter.auth;

import app.shutter.common.error.ApiException;
import app.shutter.common.security.RateLimiter;
import app.shutter.common.security.RateLimiter.Limit;
import app.shutter.user.Me;
import app.shutter.user.User;
import app.shutter.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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

    @Transactional
    public Me changeEmail(long userId, AuthRequests.ChangeEmail request) {
        verifyPassword(users.me(userId), request.password(), "password");
        Me me = users.changeEmail(userId, request.email());
        if (!me.emailVerified()) {
            // a new address: mail it a code (it logs in and resets only once verified)
            verification.issue(users.me(userId));
        }
        return me;
    }

    /** Ends every other session; the one making the change stays logged in. */
    @Transactional
    public void changePassword(long userId, long sessionId, AuthRequests.ChangePassword request) {
        verifyPassword(users.me(userId), request.currentPassword(), "currentPassword");
        users.changePasswordHash(userId, passwords.hash(request.newPassword()));
        sessions.endAllOf(userId, sessionId);
    }

    /** Every session ends; the username stays reserved (user/UserService#deactivate). */
    @Transactional
    public void deactivate(long userId, AuthRequests.DeleteAccount request) {
        verifyPassword(users.me(userId), request.password(), "password");
        sessions.endAllOf(userId, null);
        users.deactivate(userId);
    }

    private void verifyPassword(User user, String password, String field) {
        AuthConfig.RateLimits limits = config.rateLimit();
        // the caller is signed in, so only this account's guesses count (a stolen access token's)
        List<Limit> limit = List.of(new Limit("password-check:" + user.id, limits.loginFailuresPerAccountAndAddress(),
                limits.loginWindow()));
        limiter.ensureAvailable(limit, "Too many wrong passwords; try again later");
        if (!passwords.matches(password, user.passwordHash)) {
            limiter.record(limit);
            throw ApiException.invalidField(field, "is incorrect");
        }
    }
}
