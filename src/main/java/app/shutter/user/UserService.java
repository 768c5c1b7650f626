package app.shutter.user;

import app.shutter.auth.AuthConfig;
import app.shutter.auth.AuthRequests;
import app.shutter.auth.PasswordPolicy;
import app.shutter.auth.SessionService;
import app.shutter.common.error.ApiException;
import app.shutter.common.error.Problem.FieldError;
import app.shutter.common.security.RateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Accounts: creation, the caller's own profile and credentials, deactivation. */
@ApplicationScoped
public class UserService {

    @Inject
    PasswordPolicy passwords;

    @Inject
    SessionService sessions;

    @Inject
    RateLimiter limiter;

    @Inject
    AuthConfig config;

    @Inject
    EntityManager em;

    @Inject
    Event<Object> accountEvents;

    public User create(AuthRequests.Register request) {
        UsernamePolicy.checkNotReserved(request.username());
        ensureAvailable(request.username(), request.email(), null);
        // bcrypt runs outside the transaction so it does not hold a database connection
        String hash = passwords.hash(request.password());
        return QuarkusTransaction.requiringNew().call(() -> insert(request, hash));
    }

    private User insert(AuthRequests.Register request, String passwordHash) {
        User user = new User();
        user.username = request.username();
        user.email = request.email();
        user.passwordHash = passwordHash;
        user.name = blankToNull(request.name());
        user.phone = blankToNull(request.phone());
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        persistUnique(user);
        return user;
    }

    public User me(long userId) {
        return User.findActiveById(userId).orElseThrow(() -> ApiException.unauthorized("The account no longer exists"));
    }

    @Transactional
    public Me update(long userId, ProfilePatch patch) {
        User user = me(userId);
        if (patch.has("isPrivate") && patch.isPrivate() == null) {
            throw ApiException.invalidField("isPrivate", "must be true or false");
        }
        if (patch.has("name")) user.name = patch.name();
        if (patch.has("bio")) user.bio = patch.bio();
        if (patch.has("website")) user.website = patch.website();
        if (patch.has("phone")) user.phone = patch.phone();
        boolean madePublic = patch.has("isPrivate") && user.isPrivate && !patch.isPrivate();
        if (patch.has("isPrivate")) user.isPrivate = patch.isPrivate();
        user.updatedAt = Instant.now();
        if (madePublic) {
            accountEvents.fire(new AccountEvents.MadePublic(userId));
            em.flush();
            em.refresh(user); // counters changed in SQL
        }
        return Me.of(user);
    }

    @Transactional
    public Me changeUsername(long userId, String username) {
        User user = me(userId);
        if (!username.equals(user.username)) {
            UsernamePolicy.checkNotReserved(username);
            ensureAvailable(username, null, userId);
            user.username = username;
            user.updatedAt = Instant.now();
            persistUnique(user);
        }
        return Me.of(user);
    }

    @Transactional
    public Me changeEmail(long userId, UserRequests.ChangeEmail request) {
        User user = me(userId);
        verifyPassword(user, request.password(), "password");
        if (!request.email().equalsIgnoreCase(user.email)) {
            ensureAvailable(null, request.email(), userId);
        }
        user.email = request.email();
        user.updatedAt = Instant.now();
        persistUnique(user);
        return Me.of(user);
    }

    /** Ends every other session; the one making the change stays logged in. */
    @Transactional
    public void changePassword(long userId, long sessionId, UserRequests.ChangePassword request) {
        User user = me(userId);
        verifyPassword(user, request.currentPassword(), "currentPassword");
        user.passwordHash = passwords.hash(request.newPassword());
        user.updatedAt = Instant.now();
        sessions.endAllOf(userId, sessionId);
    }

    /** The row stays (the username remains reserved); the account vanishes from every view. */
    @Transactional
    public void deactivate(long userId, UserRequests.DeleteAccount request) {
        User user = me(userId);
        verifyPassword(user, request.password(), "password");
        user.deactivatedAt = Instant.now();
        user.updatedAt = user.deactivatedAt;
        sessions.endAllOf(userId, null);
        accountEvents.fire(new AccountEvents.Deactivated(userId));
    }

    private void verifyPassword(User user, String password, String field) {
        AuthConfig.RateLimits limits = config.rateLimit();
        // the caller is signed in, so only the account's own guesses count (a stolen access token's)
        List<RateLimiter.Limit> limit = List.of(new RateLimiter.Limit("password-check:" + user.id,
                limits.loginFailuresPerAccountAndAddress(), limits.loginWindow()));
        limiter.ensureAvailable(limit, "Too many wrong passwords; try again later");
        if (!passwords.matches(password, user.passwordHash)) {
            limiter.record(limit);
            throw ApiException.invalidField(field, "is incorrect");
        }
    }

    /** One query for both fields; the unique indexes still decide races (see persistUnique). */
    private void ensureAvailable(String username, String email, Long exceptUserId) {
        List<Object[]> clashes = em.createQuery("""
                        select u.username, lower(u.email), u.deactivatedAt from User u
                        where (u.username = :username or lower(u.email) = lower(:email)) and u.id <> :except""",
                        Object[].class)
                .setParameter("username", username == null ? "" : username)
                .setParameter("email", email == null ? "" : email)
                .setParameter("except", exceptUserId == null ? -1L : exceptUserId)
                .getResultList();
        List<FieldError> errors = new ArrayList<>();
        if (username != null && clashes.stream().anyMatch(row -> username.equals(row[0]))) {
            errors.add(new FieldError("username", "is already taken"));
        }
        if (email != null && clashes.stream().anyMatch(row -> email.equalsIgnoreCase((String) row[1])
                && row[2] == null)) {
            errors.add(new FieldError("email", "is already registered"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(409, "A unique value is already in use", errors, null);
        }
    }

    private void persistUnique(User user) {
        try {
            user.persistAndFlush();
        } catch (ConstraintViolationException e) {
            String constraint = String.valueOf(e.getConstraintName());
            if (constraint.contains("username")) {
                throw ApiException.conflict("username", "is already taken");
            }
            if (constraint.contains("email")) {
                throw ApiException.conflict("email", "is already registered");
            }
            throw e;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
