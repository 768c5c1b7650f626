package app.shutter.auth;

import app.shutter.common.persistence.AdvisoryLocks;
import app.shutter.common.persistence.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * TOTP secrets at rest: AES-256-GCM, bound to their account (the user id is the associated data, so a secret
 * copied into another account's row does not open), stored as {@code v1:} + base64url(nonce, ciphertext, tag).
 * A copy of the database alone (a dump, a backup, a replica) then yields no second factor. The keys:
 * {@link TwoFactorKeys}.
 */
@ApplicationScoped
public class TwoFactorSecrets {

    static final String PREFIX = "v1:";
    private static final Logger LOG = Logger.getLogger(TwoFactorSecrets.class);
    private static final String LOCK = "shutter.two-factor-secrets";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int BATCH = 500;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private record Batch(long last, int sealed, int read) {
    }

    // an instance field: a static one would be created while a native image is built, with a fixed seed
    private final SecureRandom random = new SecureRandom();

    @Inject
    TwoFactorKeys keys;

    @Inject
    EntityManager em;

    /** The stored form of an account's secret, sealed with the current key. */
    String seal(long userId, String secret) {
        return seal(keys.current(), userId, secret);
    }

    String seal(SecretKey key, long userId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce, userId)
                    .doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return PREFIX + ENCODER.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a two-factor secret", e);
        }
    }

    /**
     * The secret of a stored form, opened with the current key or a previous one; one stored in clear before V30
     * reads as it is. Empty when no key opens it (the key changed without being kept as a previous one, or the row
     * was tampered with): no code then matches, a recovery code does.
     */
    Optional<String> open(long userId, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return Optional.of(stored);
        }
        Optional<String> secret = open(keys.current(), userId, stored);
        return secret.isPresent() ? secret : openWithPrevious(userId, stored);
    }

    /** A sealed secret the current key does not open, opened with a previous key; logged when none does. */
    private Optional<String> openWithPrevious(long userId, String stored) {
        for (SecretKey key : keys.previous()) {
            Optional<String> secret = open(key, userId, stored);
            if (secret.isPresent()) {
                return secret;
            }
        }
        LOG.errorf("The two-factor secret of account %d opens with no configured key (was"
                + " shutter.auth.two-factor.encryption-key or the JWT signing key changed?)", userId);
        return Optional.empty();
    }

    private Optional<String> open(SecretKey key, long userId, String stored) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES), userId);
            return Optional.of(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void onStart(@Observes StartupEvent start) {
        keys.current(); // a key that is not right fails the start, not the first enrolment
        int sealed = sealAgain();
        if (sealed > 0) {
            LOG.infof("Sealed %d two-factor secrets with the current key", sealed);
        }
    }

    /**
     * Seals with the current key the secrets stored in clear (before V30) and, while previous keys are configured,
     * those that only a previous key opens: a batch per transaction, one instance at a time.
     */
    int sealAgain() {
        boolean rotating = !keys.previous().isEmpty();
        long after = 0;
        int sealed = 0;
        while (true) {
            long from = after;
            Optional<Batch> batch = QuarkusTransaction.requiringNew().call(() -> {
                if (!AdvisoryLocks.tryForTransaction(em, LOCK)) {
                    return Optional.empty(); // another instance is at it
                }
                List<Tuple> rows = Rows.list(em.createNativeQuery("select user_id, secret from two_factor"
                                + " where user_id > :after" + (rotating ? "" : " and secret not like 'v1:%'")
                                + " order by user_id limit " + BATCH, Tuple.class).setParameter("after", from));
                long last = from;
                int changed = 0;
                for (Tuple row : rows) {
                    last = Rows.id(row, "user_id");
                    String stored = Rows.text(row, "secret");
                    Optional<String> secret;
                    if (!stored.startsWith(PREFIX)) {
                        secret = Optional.of(stored);
                    } else if (open(keys.current(), last, stored).isPresent()) {
                        continue;
                    } else {
                        secret = openWithPrevious(last, stored);
                    }
                    if (secret.isPresent()) {
                        em.createNativeQuery("update two_factor set secret = :sealed where user_id = :user")
                                .setParameter("sealed", seal(last, secret.get())).setParameter("user", last)
                                .executeUpdate();
                        changed++;
                    }
                }
                return Optional.of(new Batch(last, changed, rows.size()));
            });
            if (batch.isEmpty()) {
                return sealed;
            }
            after = batch.get().last();
            sealed += batch.get().sealed();
            if (batch.get().read() < BATCH) {
                return sealed;
            }
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, long userId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("two-factor:" + userId).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
