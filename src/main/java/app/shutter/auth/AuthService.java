package app.shutter.auth;

import app.shutter.common.error.ApiException;
import app.shutter.common.security.RateLimiter;
import app.shutter.user.User;
import app.shutter.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;

/** Registration and login, with the rate limits that guard them. */
@ApplicationScoped
public class AuthService {

    static final String BAD_CREDENTIALS = "The login or password is incorrect";
    private static final String TOO_MANY_LOGINS = "Too many failed logins; try again later";

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

    public AuthResponse register(AuthRequests.Register request, String clientAddress) {
        AuthConfig.RateLimits limits = config.rateLimit();
        limiter.consume("register:" + clientAddress, limits.registrationsPerAddress(), limits.registrationWindow(),
                "Too many registrations from this address; try again later");
        User user = users.create(request);
        return sessions.start(user);
    }

    public AuthResponse login(AuthRequests.Login request, String clientAddress) {
        AuthConfig.RateLimits limits = config.rateLimit();
        String addressKey = "login-address:" + clientAddress;
        String accountKey = "login-account:" + request.login().trim().toLowerCase(Locale.ROOT);
        limiter.ensureAvailable(addressKey, limits.loginFailuresPerAddress(), limits.loginWindow(), TOO_MANY_LOGINS);
        limiter.ensureAvailable(accountKey, limits.loginFailuresPerAccount(), limits.loginWindow(), TOO_MANY_LOGINS);

        Optional<User> user = User.findActiveByLogin(request.login().trim());
        if (!passwords.matches(request.password(), user.map(u -> u.passwordHash).orElse(null))) {
            limiter.record(addressKey, limits.loginFailuresPerAddress(), limits.loginWindow());
            limiter.record(accountKey, limits.loginFailuresPerAccount(), limits.loginWindow());
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        return sessions.start(user.get());
    }
}
