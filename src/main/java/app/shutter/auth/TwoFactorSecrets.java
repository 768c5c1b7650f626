package app.shutter.auth;

import app.shutter.common.persistence.AdvisoryLocks;
import app.shutter.common.persistence.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * TOTP secrets at rest: AES-256-GCM, bound to their account (the user id is the associated data, so a secret
 * copied into another account's row does not open), stored as {@code v1:} + base64url(nonce, ciphertext, tag).
 * A copy of the database alone (a dump, a backup, a replica) then yields no second factor. The key is
 * {@code shutter.auth.two-factor.encryption-key}, or derived from the JWT signing key (see {@link AuthConfig}).
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

    // an instance field: a static one would be created while a native image is built, with a fixed seed
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;

    @Inject
    AuthConfig config;

    @Inject
    Config rawConfig;

    @Inject
    EntityManager em;

    /** The stored form of an account's secret. */
    String seal(long userId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, userId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return PREFIX + ENCODER.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a two-factor secret", e);
        }
    }

    /**
     * The secret of a stored form; one stored in clear before V30 reads as it is. Empty when it does not open
     * with this key (the key changed, or the row was tampered with): no code then matches, a recovery code does.
     */
    Optional<String> open(long userId, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return Optional.of(stored);
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), userId);
            byte[] secret = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Optional.of(new String(secret, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.errorf("The two-factor secret of account %d does not open with the configured key (was "
                    + "shutter.auth.two-factor.encryption-key or the JWT signing key changed?)", userId);
            return Optional.empty();
        }
    }

    void onStart(@Observes StartupEvent start) {
        key(); // a key that is not right fails the start, not the first enrolment
        int sealed = sealClearSecrets();
        if (sealed > 0) {
            LOG.infof("Encrypted %d two-factor secrets stored in clear", sealed);
        }
    }

    /** Encrypts the secrets stored in clear (before V30), a batch per transaction, one instance at a time. */
    int sealClearSecrets() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> {
                if (!AdvisoryLocks.tryForTransaction(em, LOCK)) {
                    return 0; // another instance is at it
                }
                List<Tuple> rows = Rows.list(em.createNativeQuery("select user_id, secret from two_factor"
                        + " where secret not like 'v1:%' limit " + BATCH, Tuple.class));
                for (Tuple row : rows) {
                    long userId = Rows.id(row, "user_id");
                    em.createNativeQuery("update two_factor set secret = :sealed where user_id = :user")
                            .setParameter("sealed", seal(userId, Rows.text(row, "secret")))
                            .setParameter("user", userId).executeUpdate();
                }
                return rows.size();
            });
            total += done;
        } while (done == BATCH);
        return total;
    }

    private Cipher cipher(int mode, byte[] nonce, long userId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("two-factor:" + userId).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            current = config.twoFactor().encryptionKey().map(TwoFactorSecrets::configuredKey)
                    .orElseGet(this::derivedKey);
            key = current;
        }
        return current;
    }

    static SecretKey configuredKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("shutter.auth.two-factor.encryption-key must be 32 bytes in base64"
                    + " (openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** HMAC-SHA256 of a fixed label under the signing key's encoded bytes: the same on every instance. */
    private SecretKey derivedKey() {
        try {
            Optional<String> location = rawConfig.getOptionalValue("smallrye.jwt.sign.key.location", String.class);
            String content = location.isPresent() ? ResourceUtils.readResource(location.get())
                    : rawConfig.getValue("smallrye.jwt.sign.key", String.class);
            Key signing = KeyUtils.tryAsPemSigningPrivateKey(content, SignatureAlgorithm.RS256);
            byte[] material = signing != null ? signing.getEncoded() : content.trim().getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal("shutter two-factor secrets v1".getBytes(StandardCharsets.US_ASCII)),
                    "AES");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot derive the two-factor encryption key from the JWT signing key;"
                    + " set shutter.auth.two-factor.encryption-key", e);
        }
    }
}
