package app.shutter.auth;

import app.shutter.common.error.ApiException;
import app.shutter.common.persistence.Rows;
import app.shutter.common.security.RateLimiter;
import app.shutter.mail.MailOutbox;
import app.shutter.user.Me;
import app.shutter.user.User;
import app.shutter.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.List;

/**
 * The 6-digit code that proves an address is the account's: mailed at registration and on an email change,
 * stored as a hash for that address, valid 15 minutes, 5 attempts. A new code replaces the one before.
 */
@ApplicationScoped
public class EmailVerification {

    // an instance field: a static one would be created while a native image is built, with a fixed seed
    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    AuthMails mails;

    @Inject
    UserService users;

    @Inject
    RateLimiter limiter;

    @Inject
    AuthConfig config;

    /** Mails a new code for the account's current address, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void issue(User user) {
        String code = MailedCode.newCode(random);
        em.createNativeQuery("""
                        insert into email_verifications (user_id, email, code_hash, expires_at)
                        values (:user, :email, :hash, now() + interval '15 minutes')
                        on conflict (user_id) do update set email = excluded.email, code_hash = excluded.code_hash,
                                                           expires_at = excluded.expires_at, attempts = 0""")
                .setParameter("user", user.id).setParameter("email", user.email)
                .setParameter("hash", hash(user.id, code)).executeUpdate();
        outbox.enqueue("verify_email", mails.verification(user.email, user.username, code));
    }

    /** Another code, at most {@code verificationMailsPerAccount} per window. */
    public void resend(long userId) {
        AuthConfig.RateLimits limits = config.rateLimit();
        limiter.consume(new RateLimiter.Limit("verification-mail:" + userId, limits.verificationMailsPerAccount(),
                limits.mailWindow()), "Too many verification mails; try again later");
        QuarkusTransaction.requiringNew().run(() -> {
            User user = users.me(userId);
            if (user.emailVerifiedAt != null) {
                throw ApiException.badRequest("The email address is already verified");
            }
            issue(user);
        });
    }

    /**
     * A wrong code counts an attempt even though the request fails (its own transaction); the right one verifies
     * the address unless another account verified it first (409).
     */
    public Me verify(long userId, String code) {
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> check(userId, code));
        if (outcome != Outcome.RIGHT) {
            throw ApiException.badRequest(outcome.detail);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Me me = users.markEmailVerified(userId);
            em.createNativeQuery("delete from email_verifications where user_id = :user")
                    .setParameter("user", userId).executeUpdate();
            return me;
        });
    }

    private enum Outcome {
        RIGHT(null),
        NONE("No verification code is pending for this address; ask for a new one"),
        EXPIRED("The code has expired; ask for a new one"),
        SPENT("Too many wrong codes; ask for a new one"),
        WRONG("The code is not right");

        final String detail;

        Outcome(String detail) {
            this.detail = detail;
        }
    }

    private Outcome check(long userId, String code) {
        User user = users.me(userId);
        if (user.emailVerifiedAt != null) {
            throw ApiException.badRequest("The email address is already verified");
        }
        List<Tuple> rows = Rows.list(em.createNativeQuery("""
                        select email, code_hash, expires_at < now() as expired, attempts
                        from email_verifications where user_id = :user for update""", Tuple.class)
                .setParameter("user", userId));
        if (rows.isEmpty() || !Rows.text(rows.get(0), "email").equals(user.email)) {
            return Outcome.NONE;
        }
        // the same names, each with the detail this flow answers
        Outcome outcome = Outcome.valueOf(MailedCode.check(rows.get(0), hash(userId, code)).name());
        if (outcome != Outcome.WRONG) {
            return outcome;
        }
        em.createNativeQuery("update email_verifications set attempts = attempts + 1 where user_id = :user")
                .setParameter("user", userId).executeUpdate();
        return Outcome.WRONG;
    }

    /** Bound to the account, so a code never verifies another one. */
    private static String hash(long userId, String code) {
        return TokenService.hash(userId + ":" + code);
    }
}
