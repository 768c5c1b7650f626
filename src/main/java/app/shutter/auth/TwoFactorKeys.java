package app.shutter.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The keys of two-factor secrets (see {@link AuthConfig.TwoFactorSettings}): the current one, configured or
 * derived from the JWT signing key, and the previous ones a rotation still opens. Read once, on first use.
 */
@ApplicationScoped
public class TwoFactorKeys {

    /** In the previous keys, the key derived from the JWT signing key (the default until a key is configured). */
    static final String SIGNING_KEY = "signing-key";

    private record Loaded(SecretKey current, List<SecretKey> previous) {
    }

    @Inject
    AuthConfig config;

    @Inject
    Config rawConfig;

    private volatile Loaded loaded;

    SecretKey current() {
        return loaded().current();
    }

    List<SecretKey> previous() {
        return loaded().previous();
    }

    private Loaded loaded() {
        Loaded keys = loaded;
        if (keys == null) {
            AuthConfig.TwoFactorSettings settings = config.twoFactor();
            SecretKey current = settings.encryptionKey().map(TwoFactorKeys::configuredKey).orElseGet(this::derived);
            List<SecretKey> previous = settings.previousEncryptionKeys().orElse(List.of()).stream()
                    .map(String::trim).filter(key -> !key.isEmpty())
                    .map(key -> key.equals(SIGNING_KEY) ? derived() : configuredKey(key)).toList();
            keys = new Loaded(current, previous);
            loaded = keys;
        }
        return keys;
    }

    static SecretKey configuredKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("A two-factor encryption key must be 32 bytes in base64"
                    + " (openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** HMAC-SHA256 of a fixed label under the signing key's encoded bytes: the same on every instance. */
    SecretKey derived() {
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
