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

import java.security.SecureRandom;
import java.util.List;

/**
 * A change of address in two steps, so that a stolen session cannot take an account over by its email: the new
 * address gets a code and becomes the account's only once the code comes back; the old address then gets a notice
 * with a link (single use, 7 days) that puts it back and ends every session.
 */
@ApplicationScoped
public class EmailChange {

    // an instance field: a static one would be created while a native image is built, with a fixed seed
    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    SessionService sessions;

    @Inject
    MailOutbox outbox;

    @Inject
    AuthMails mails;

    @Inject
    RateLimiter limiter;

    @Inject
    AuthConfig config;

    @Inject
    TokenService tokens;

    /** The caller checked the password. Mails the new address a code (15 minutes, 5 attempts). Replaces any change still waiting for its code. */
    public EmailChangeView start(long userId, String email) {
        AuthConfig.RateLimits limits = config.rateLimit();
        limiter.consume(new RateLimiter.Limit("verification-mail:" + userId, limits.verificationMailsPerAccount(),
                limits.mailWindow()), "Too many verification mails; try again later");
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = users.me(userId);
            if (email.equalsIgnoreCase(user.email)) {
                throw ApiException.invalidField("email", "is the account's address already");
            }
            users.checkEmailAvailable(userId, email);
            String code = MailedCode.newCode(random);
            Tuple pending = Rows.single(em.createNativeQuery("""
                            insert into email_changes (user_id, old_email, new_email, code_hash, code_expires_at)
                            values (:user, :old, :new, :hash, now() + interval '15 minutes')
                            on conflict (user_id) where confirmed_at is null do update
                            set old_email = excluded.old_email, new_email = excluded.new_email,
                                code_hash = excluded.code_hash, code_expires_at = excluded.code_expires_at,
                                attempts = 0, created_at = now()
                            returning code_expires_at""", Tuple.class)
                    .setParameter("user", userId).setParameter("old", user.email).setParameter("new", email)
                    .setParameter("hash", hash(userId, email, code)));
            outbox.enqueue("email_change_code", mails.emailChangeCode(email, user.username, code));
            return new EmailChangeView(email, Rows.instant(pending, "code_expires_at"));
        });
    }

    /**
     * The code mailed to the new address: a wrong one counts an attempt (kept though the request fails); the
     * right one makes the address the account's and mails the old one its way back.
     */
    public Me confirm(long userId, String code) {
        Tuple pending = QuarkusTransaction.requiringNew().call(() -> check(userId, code));
        if (pending == null) {
            throw ApiException.badRequest("The code is not right");
        }
        String undo = tokens.newRefreshToken(); // 256 random bits, URL-safe; only its hash is kept
        return QuarkusTransaction.requiringNew().call(() -> {
            Me me = users.setVerifiedEmail(userId, Rows.text(pending, "new_email"));
            em.createNativeQuery("""
                            update email_changes set confirmed_at = now(), undo_token_hash = :hash,
                                                     undo_expires_at = now() + interval '7 days'
                            where id = :id""")
                    .setParameter("hash", TokenService.hash(undo)).setParameter("id", Rows.id(pending, "id"))
                    .executeUpdate();
            em.createNativeQuery("delete from email_verifications where user_id = :user").setParameter("user", userId)
                    .executeUpdate();
            outbox.enqueue("email_change_notice", mails.emailChanged(Rows.text(pending, "old_email"), me.username(),
                    me.email(), undo));
            return me;
        });
    }

    /** The link of the notice: the old address is the account's again, and every session ends. Works once. */
    public void undo(String token) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Tuple> found = Rows.list(em.createNativeQuery("""
                            update email_changes set undone_at = now()
                            where undo_token_hash = :hash and undone_at is null and undo_expires_at > now()
                            returning user_id, old_email""", Tuple.class)
                    .setParameter("hash", TokenService.hash(token)));
            if (found.isEmpty()) {
                throw ApiException.badRequest("The link is invalid, expired or already used");
            }
            long userId = Rows.id(found.get(0), "user_id");
            users.setVerifiedEmail(userId, Rows.text(found.get(0), "old_email"));
            sessions.endAllOf(userId, null);
        });
    }

    /** The pending change when the code is right; null (an attempt counted) when it is wrong. */
    private Tuple check(long userId, String code) {
        List<Tuple> rows = Rows.list(em.createNativeQuery("""
                        select id, old_email, new_email, code_hash, code_expires_at < now() as expired, attempts
                        from email_changes where user_id = :user and confirmed_at is null for update""", Tuple.class)
                .setParameter("user", userId));
        if (rows.isEmpty()) {
            throw ApiException.badRequest("No change of address is waiting for a code; start one again");
        }
        Tuple row = rows.get(0);
        MailedCode.Outcome outcome = MailedCode.check(row, hash(userId, Rows.text(row, "new_email"), code));
        if (outcome == MailedCode.Outcome.EXPIRED) {
            throw ApiException.badRequest("The code has expired; start the change again");
        }
        if (outcome == MailedCode.Outcome.SPENT) {
            throw ApiException.badRequest("Too many wrong codes; start the change again");
        }
        if (outcome == MailedCode.Outcome.WRONG) {
            em.createNativeQuery("update email_changes set attempts = attempts + 1 where id = :id")
                    .setParameter("id", Rows.id(row, "id")).executeUpdate();
            return null;
        }
        return row;
    }

    /** Bound to the account and the address, so a code confirms nothing else. */
    private static String hash(long userId, String email, String code) {
        return TokenService.hash(userId + ":" + email.toLowerCase(java.util.Locale.ROOT) + ":" + code);
    }
}
