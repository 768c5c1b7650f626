package app.shutter.auth;

import app.shutter.common.error.ApiException;
import app.shutter.common.security.RateLimiter;
import app.shutter.common.security.RateLimiter.Limit;
import app.shutter.user.User;
import app.shutter.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
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

    @Inject
    KnownDevices devices;

    @Inject
    EmailVerification verification;

    @Inject
    TwoFactor twoFactor;

    @Inject
    LoginChallenges challenges;

    public AuthResponse register(AuthRequests.Register request, Client client) {
        AuthConfig.RateLimits limits = config.rateLimit();
        limiter.consume(new Limit("register:" + client.address(), limits.registrationsPerAddress(),
                limits.registrationWindow()), "Too many registrations from this address; try again later");
        UserService.NewAccount account = new UserService.NewAccount(request.username(), request.email(),
                request.name(), request.phone());
        // each database step in a short transaction of its own and bcrypt in none, so that a request holds at most
        // one connection at a time (a burst of logins once exhausted the pool in a CI run)
        QuarkusTransaction.requiringNew().run(() -> users.checkAvailable(account));
        String passwordHash = passwords.hash(request.password());
        // the code's mail is queued with the account: a registration that fails mails nothing
        User user = QuarkusTransaction.requiringNew().call(() -> {
            User created = users.create(account, passwordHash);
            verification.issue(created);
            return created;
        });
        return sessions.start(user, null, client);
    }

    /**
     * Checks the limits (one select), then the password; a failure is counted under every limit (one upsert, kept
     * when the request rolls back), a success gives the device its token for later logins. The reads run in a
     * transaction of their own that ends before bcrypt, so a login holds at most one connection at a time.
     */
    public LoginAnswer login(AuthRequests.Login request, Client client) {
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> check(request, client.address()));
        if (!passwords.matches(request.password(), attempt.user().map(u -> u.passwordHash).orElse(null))) {
            limiter.record(attempt.limits());
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        User user = attempt.user().get();
        if (attempt.secondFactor()) {
            return QuarkusTransaction.requiringNew().call(() -> challenges.issue(user.id, request.deviceToken()));
        }
        return sessions.start(user, request.deviceToken(), client);
    }

    /** A login's account (if any), the limits its failure counts under, whether it needs a second factor. */
    private record Attempt(Optional<User> user, List<Limit> limits, boolean secondFactor) {
    }

    private Attempt check(AuthRequests.Login request, String clientAddress) {
        AuthConfig.RateLimits limits = config.rateLimit();
        Optional<User> user = User.findActiveByLogin(request.identifier());
        // the account by id when it exists (its username and email are one account), else the name tried
        String account = user.map(u -> "user:" + u.id)
                .orElse("login:" + request.identifier().toLowerCase(Locale.ROOT));
        Limit perAddress = new Limit("login-address:" + clientAddress, limits.loginFailuresPerAddress(),
                limits.loginWindow());
        Limit perAccountAndAddress = new Limit("login-account-address:" + account + "@" + clientAddress,
                limits.loginFailuresPerAccountAndAddress(), limits.loginWindow());
        Limit perAccount = new Limit("login-account:" + account, limits.loginFailuresPerAccount(),
                limits.accountLoginWindow());
        boolean knownDevice = user.isPresent() && devices.isKnown(user.get().id, request.deviceToken());
        limiter.ensureAvailable(knownDevice ? List.of(perAddress, perAccountAndAddress)
                : List.of(perAddress, perAccountAndAddress, perAccount), TOO_MANY_LOGINS);
        // read with the limits, before bcrypt: a login with two-factor login on gets a challenge, no tokens
        return new Attempt(user, List.of(perAddress, perAccountAndAddress, perAccount),
                user.isPresent() && twoFactor.isOn(user.get().id));
    }
}
