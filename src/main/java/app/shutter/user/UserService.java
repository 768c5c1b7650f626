package app.shutter.user;

import app.shutter.common.Text;
import app.shutter.common.error.ApiException;
import app.shutter.common.error.Problem.FieldError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts: creation, the caller's own profile and credentials, deactivation. */
@ApplicationScoped
public class UserService {

    @Inject
    EntityManager em;

    @Inject
    Event<Object> accountEvents;

    @Inject
    AdminConfig admin;

    /** The account a registration asks for: refused (409, both fields named) if its username or email is taken. */
    public record NewAccount(String username, String email, String name, String phone) {
    }

    /** Checks what can be checked before the password is hashed (bcrypt is slow): reserved and taken names. */
    public void checkAvailable(NewAccount account) {
        UsernamePolicy.checkNotReserved(account.username());
        ensureAvailable(account.username(), account.email(), null);
    }

    /** Creates the account (its address unverified); the unique indexes decide races. */
    @Transactional
    public User create(NewAccount account, String passwordHash) {
        User user = new User();
        user.username = account.username();
        user.email = account.email();
        user.passwordHash = passwordHash;
        user.name = Text.trimToNull(account.name());
        user.phone = Text.trimToNull(account.phone());
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        // the configured first admin may register after the server started
        user.role = admin.username().filter(account.username()::equals).map(name -> Role.ADMIN).orElse(Role.USER)
                .value();
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

    /** 409 when another account has verified this address (the caller is about to offer it to this one). */
    @Transactional
    public void checkEmailAvailable(long userId, String email) {
        ensureAvailable(null, email, userId);
    }

    /**
     * The caller (auth) has checked the code mailed to the address. 409 when another account verified the same
     * address first (the unique index on verified addresses decides a race).
     */
    @Transactional
    public Me markEmailVerified(long userId) {
        User user = me(userId);
        user.emailVerifiedAt = Instant.now();
        persistUnique(user);
        return Me.of(user);
    }

    /**
     * The caller (auth) has proven that the account owns this address (a mailed code or link): it becomes the
     * account's, verified. 409 when another account verified it first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Me setVerifiedEmail(long userId, String email) {
        User user = me(userId);
        user.email = email;
        user.emailVerifiedAt = Instant.now();
        user.updatedAt = user.emailVerifiedAt;
        persistUnique(user);
        return Me.of(user);
    }

    /** The caller (auth) has checked the old password and hashed the new one. */
    @Transactional
    public void changePasswordHash(long userId, String passwordHash) {
        User user = me(userId);
        user.passwordHash = passwordHash;
        user.updatedAt = Instant.now();
    }

    /** Changes the account's role (the caller ends its sessions, so that new tokens carry it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changeRole(long userId, Role role) {
        em.createNativeQuery("update users set role = :role, updated_at = now() where id = :id")
                .setParameter("role", role.value()).setParameter("id", userId).executeUpdate();
    }

    /** Makes the active account of that username an admin; its id if it was not one already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> makeAdmin(String username) {
        List<?> changed = em.createNativeQuery("""
                        update users set role = 'admin', updated_at = now()
                        where username = :username and deactivated_at is null and role <> 'admin' returning id""")
                .setParameter("username", username.toLowerCase(Locale.ROOT)).getResultList();
        return changed.stream().map(id -> ((Number) id).longValue()).findFirst();
    }

    /**
     * Suspends the account until then (null: indefinitely): it is hidden from everyone at once, nothing is
     * deleted. The caller ends its sessions.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspend(long userId, Instant until) {
        em.createNativeQuery("""
                        update users set suspended_at = now(), suspended_until = :until,
                                         hidden_at = coalesce(hidden_at, now()), updated_at = now()
                        where id = :id""")
                .setParameter("until", until == null ? null : OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .setParameter("id", userId).executeUpdate();
    }

    /** Ends a suspension: the account and everything of it are shown again (unless it is deactivated). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unsuspend(long userId) {
        em.createNativeQuery("""
                        update users set suspended_at = null, suspended_until = null, hidden_at = deactivated_at,
                                         updated_at = now()
                        where id = :id""").setParameter("id", userId).executeUpdate();
    }

    /** Ends the suspensions whose time is up; the ids of those accounts. */
    @Transactional
    public List<Long> endSuspensionsDue() {
        List<?> ended = em.createNativeQuery("""
                        update users set suspended_at = null, suspended_until = null, hidden_at = deactivated_at,
                                         updated_at = now()
                        where suspended_until <= now() returning id""").getResultList();
        return ended.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * The row stays (the username remains reserved); the account vanishes from every view. The caller (auth)
     * has checked the password and ends the sessions.
     */
    @Transactional
    public void deactivate(long userId) {
        User user = me(userId);
        user.deactivatedAt = Instant.now();
        user.hiddenAt = user.hiddenAt == null ? user.deactivatedAt : user.hiddenAt;
        user.updatedAt = user.deactivatedAt;
        accountEvents.fire(new AccountEvents.Deactivated(userId));
    }

    /** One query for both fields; the unique indexes still decide races (see persistUnique). */
    private void ensureAvailable(String username, String email, Long exceptUserId) {
        // each arm names what an index holds (the email one is partial: verified addresses of active accounts),
        // so the lookup probes two indexes instead of reading every account
        List<User> clashes = User.list("(username = ?1 or (lower(email) = lower(?2) and deactivatedAt is null"
                        + " and emailVerifiedAt is not null)) and id <> ?3",
                username == null ? "" : username, email == null ? "" : email,
                exceptUserId == null ? -1L : exceptUserId);
        List<FieldError> errors = new ArrayList<>();
        if (username != null && clashes.stream().anyMatch(clash -> username.equals(clash.username))) {
            errors.add(new FieldError("username", "is already taken"));
        }
        if (email != null && clashes.stream().anyMatch(clash -> email.equalsIgnoreCase(clash.email))) {
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
}
