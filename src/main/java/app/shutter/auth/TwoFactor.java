package app.shutter.auth;

import app.shutter.common.error.ApiException;
import app.shutter.common.persistence.Rows;
import app.shutter.common.security.RateLimiter;
import app.shutter.common.security.RateLimiter.Limit;
import app.shutter.user.User;
import app.shutter.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Two-factor login for an account: enrolment (a secret confirmed by a first code), the recovery codes, checking a
 * second factor, turning it off. Wrong codes count under a per-account limit shared by every instance.
 */
@ApplicationScoped
public class TwoFactor {

    static final int RECOVERY_CODES = 10;
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    // an instance field: a static one would be created while a native image is built, with a fixed seed
    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    RateLimiter limiter;

    @Inject
    TwoFactorSecrets secrets;

    @Inject
    AuthConfig config;

    /** A new secret that waits for a first code (replacing one still waiting); 409 when it is on already. */
    @Transactional
    public TwoFactorViews.Enrolment enrol(long userId) {
        User user = users.me(userId);
        String secret = Totp.newSecret();
        int written = em.createNativeQuery("""
                        insert into two_factor (user_id, secret) values (:user, :secret)
                        on conflict (user_id) do update set secret = excluded.secret, created_at = now()
                        where two_factor.enabled_at is null""")
                .setParameter("user", userId).setParameter("secret", secrets.seal(userId, secret)).executeUpdate();
        if (written == 0) {
            throw ApiException.conflict("Two-factor login is on already; turn it off first");
        }
        String uri = Totp.uri(secret, user.username);
        return new TwoFactorViews.Enrolment(secret, uri, Totp.qrCode(uri));
    }

    /** The first code from the app turns it on, and the recovery codes are made (shown this once). */
    public TwoFactorViews.RecoveryCodes confirm(long userId, String code) {
        return limited(userId, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<Tuple> rows = Rows.list(em.createNativeQuery("select secret, enabled_at is not null as enabled"
                    + " from two_factor where user_id = :user for update", Tuple.class).setParameter("user", userId));
            if (rows.isEmpty()) {
                throw ApiException.badRequest("No enrolment is waiting for a code; start one");
            }
            if (Rows.flag(rows.get(0), "enabled")) {
                throw ApiException.conflict("Two-factor login is on already");
            }
            OptionalLong step = stepOf(userId, Rows.text(rows.get(0), "secret"), code);
            if (step.isEmpty()) {
                return null;
            }
            em.createNativeQuery("update two_factor set enabled_at = now(), last_step = :step where user_id = :user")
                    .setParameter("step", step.getAsLong()).setParameter("user", userId).executeUpdate();
            return new TwoFactorViews.RecoveryCodes(newRecoveryCodes(userId));
        }), "code");
    }

    @Transactional
    public TwoFactorViews.Status status(long userId) {
        Tuple row = Rows.single(em.createNativeQuery("""
                        select exists (select 1 from two_factor where user_id = :user and enabled_at is not null) as on,
                               (select count(*) from recovery_codes where user_id = :user and used_at is null) as left""",
                Tuple.class).setParameter("user", userId));
        return new TwoFactorViews.Status(Rows.flag(row, "on"), Rows.count(row, "left"));
    }

    /** Whether a login of this account needs a second factor. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean isOn(long userId) {
        return !em.createNativeQuery("select 1 from two_factor where user_id = :user and enabled_at is not null")
                .setParameter("user", userId).getResultList().isEmpty();
    }

    /** The caller checked the password: with a right code or recovery code, it is off and its codes are gone. */
    public void disable(long userId, String code, String recoveryCode) {
        limited(userId, () -> QuarkusTransaction.requiringNew().call(() -> {
            if (!isOn(userId)) {
                throw ApiException.badRequest("Two-factor login is off");
            }
            if (!accept(userId, code, recoveryCode)) {
                return null;
            }
            em.createNativeQuery("delete from two_factor where user_id = :user").setParameter("user", userId)
                    .executeUpdate();
            em.createNativeQuery("delete from recovery_codes where user_id = :user").setParameter("user", userId)
                    .executeUpdate();
            return Boolean.TRUE;
        }), code != null ? "code" : "recoveryCode");
    }

    /**
     * Whether this is a right second factor now, using it up: a code of a time step after the last one accepted
     * (so it works once, on any instance: a conditional update decides), or an unused recovery code.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean accept(long userId, String code, String recoveryCode) {
        if (code == null) {
            return em.createNativeQuery("update recovery_codes set used_at = now() where user_id = :user"
                            + " and code_hash = :hash and used_at is null")
                    .setParameter("user", userId).setParameter("hash", recoveryHash(userId, recoveryCode))
                    .executeUpdate() == 1;
        }
        List<?> secret = em.createNativeQuery("select secret from two_factor where user_id = :user"
                + " and enabled_at is not null").setParameter("user", userId).getResultList();
        OptionalLong step = secret.isEmpty() ? OptionalLong.empty() : stepOf(userId, (String) secret.get(0), code);
        return step.isPresent() && em.createNativeQuery("update two_factor set last_step = :step where user_id = :user"
                        + " and (last_step is null or last_step < :step)")
                .setParameter("step", step.getAsLong()).setParameter("user", userId).executeUpdate() == 1;
    }

    /** The time step of a code from the app of the account whose stored secret this is (empty when it is wrong). */
    private OptionalLong stepOf(long userId, String stored, String code) {
        return secrets.open(userId, stored).map(secret -> Totp.stepOf(secret, code, Instant.now()))
                .orElse(OptionalLong.empty());
    }

    /** The per-account limit on wrong second factors (a stolen password must not brute-force the code). */
    Limit limit(long userId) {
        AuthConfig.RateLimits limits = config.rateLimit();
        return new Limit("second-factor:" + userId, limits.loginFailuresPerAccountAndAddress(), limits.loginWindow());
    }

    /** Runs a check that answers null for a wrong code: counted (kept though the request fails), then 400. */
    private <T> T limited(long userId, Supplier<T> check, String field) {
        limiter.ensureAvailable(List.of(limit(userId)), "Too many wrong codes; try again later");
        T result = check.get();
        if (result == null) {
            limiter.record(List.of(limit(userId)));
            throw ApiException.invalidField(field, "is not right");
        }
        return result;
    }

    private List<String> newRecoveryCodes(long userId) {
        em.createNativeQuery("delete from recovery_codes where user_id = :user").setParameter("user", userId)
                .executeUpdate();
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder(11);
            for (int c = 0; c < 10; c++) {
                code.append(c == 5 ? "-" : "").append(BASE32.charAt(random.nextInt(BASE32.length())));
            }
            codes.add(code.toString());
            em.createNativeQuery("insert into recovery_codes (user_id, code_hash) values (:user, :hash)")
                    .setParameter("user", userId).setParameter("hash", recoveryHash(userId, code.toString()))
                    .executeUpdate();
        }
        return codes;
    }

    /** Bound to the account; case, spaces and dashes as people type them do not matter. */
    private static String recoveryHash(long userId, String code) {
        return TokenService.hash(userId + ":" + code.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", ""));
    }
}
