package app.shutter.auth;

import app.shutter.common.error.ApiException;
import app.shutter.common.persistence.Rows;
import app.shutter.common.security.RateLimiter;
import app.shutter.mail.MailComposer;
import app.shutter.mail.MailOutbox;
import app.shutter.mail.OutgoingMail;
import app.shutter.user.User;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.List;
import java.util.Optional;

/**
 * Password reset by mail. Asking for one stores a request in the mail outbox and nothing else, whether or not
 * the account exists: the account is looked up, and the token made, when the mail is composed (so neither the
 * answer nor its timing tells who has an account). Tokens are single use, valid 30 minutes, stored as hashes,
 * and each belongs to one account.
 */
@ApplicationScoped
public class PasswordReset implements MailComposer {

    static final String KIND = "password_reset";
    static final String INVALID = "The reset token is invalid, used or expired; ask for a new one";

    @Inject
    EntityManager em;

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

    @Inject
    PasswordPolicy passwords;

    @Inject
    SessionService sessions;

    @Inject
    ObjectMapper json;

    /** What a request names: one of them is set. */
    record Identifier(String email, String username) {
    }

    public void request(AuthRequests.ForgotPassword request, String clientAddress) {
        AuthConfig.RateLimits limits = config.rateLimit();
        limiter.consume(new RateLimiter.Limit("password-reset:" + clientAddress, limits.resetRequestsPerAddress(),
                limits.mailWindow()), "Too many password reset requests from this address; try again later");
        String payload;
        try {
            payload = json.writeValueAsString(new Identifier(request.email(), request.username()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueueComposed(KIND, payload));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Runs in the outbox's transaction: the token row and the mail that carries it commit together. */
    @Override
    public Optional<OutgoingMail> compose(String payload) {
        Identifier identifier;
        try {
            identifier = json.readValue(payload, Identifier.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable password reset request", e);
        }
        Optional<User> account = identifier.email() != null ? User.findActiveByVerifiedEmail(identifier.email())
                : User.findActiveByUsername(identifier.username());
        return account.map(user -> {
            String token = tokens.newRefreshToken();
            em.createNativeQuery("insert into password_resets (token_hash, user_id, expires_at)"
                            + " values (:hash, :user, now() + interval '30 minutes')")
                    .setParameter("hash", TokenService.hash(token)).setParameter("user", user.id).executeUpdate();
            return mails.passwordReset(user.email, user.username, token);
        });
    }

    /**
     * Sets the new password, ends every session of the account on every instance, counts the address as verified
     * (the token came through it) and mails a notice. The password is hashed before the transaction.
     */
    public void reset(AuthRequests.ResetPassword request) {
        String passwordHash = passwords.hash(request.newPassword());
        // looked up by its SHA-256: the lookup's timing can only tell about hashes, which a guess does not steer
        String tokenHash = TokenService.hash(request.token());
        QuarkusTransaction.requiringNew().run(() -> {
            List<Tuple> found = Rows.list(em.createNativeQuery("""
                            update password_resets set used_at = now()
                            where token_hash = :hash and used_at is null and expires_at > now()
                            returning user_id""", Tuple.class).setParameter("hash", tokenHash));
            if (found.isEmpty()) {
                throw ApiException.badRequest(INVALID);
            }
            long userId = Rows.id(found.get(0), "user_id");
            User user = User.<User>findByIdOptional(userId).filter(User::isActive)
                    .orElseThrow(() -> ApiException.badRequest(INVALID));
            user.passwordHash = passwordHash;
            user.updatedAt = java.time.Instant.now();
            // every other token of the account goes too: one reset per request
            em.createNativeQuery("delete from password_resets where user_id = :user and used_at is null")
                    .setParameter("user", userId).executeUpdate();
            em.createNativeQuery("""
                            update users u set email_verified_at = now()
                            where u.id = :user and u.email_verified_at is null
                              and not exists (select 1 from users o where lower(o.email) = lower(u.email)
                                              and o.id <> u.id and o.deactivated_at is null
                                              and o.email_verified_at is not null)""")
                    .setParameter("user", userId).executeUpdate();
            sessions.endAllOf(userId, null);
            outbox.enqueue("password_changed", mails.passwordChanged(user.email, user.username));
        });
    }
}
