package app.shutter.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Password rules (enforced on requests by {@link ValidPassword}) and hashing: 8-72 bytes (bcrypt's limit,
 * never truncated), not a common password.
 */
@ApplicationScoped
public class PasswordPolicy {

    private static final int MIN_BYTES = 8;
    private static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = load();
    // Compared against when the account does not exist, so unknown users cost the same bcrypt work.
    private volatile String decoyHash;

    @Inject
    AuthConfig config;

    public enum Verdict { OK, WRONG_LENGTH, COMMON }

    public static Verdict judge(String password) {
        String hashed = hashedForm(password);
        int bytes = hashed.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            return Verdict.WRONG_LENGTH;
        }
        return COMMON.contains(hashed.toLowerCase(Locale.ROOT)) ? Verdict.COMMON : Verdict.OK;
    }

    /**
     * What bcrypt reads: Elytron hashes the NFKC form in UTF-8 (so "ä" typed composed or decomposed is one
     * password), and NFKC can lengthen a string ("ﷺ" becomes 33 bytes), so the limits apply to that form.
     */
    private static String hashedForm(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, config.bcryptCost());
    }

    /** Constant work whether or not the account exists. */
    public boolean matches(String password, String hashOrNull) {
        if (hashOrNull == null) {
            BcryptUtil.matches(password, decoyHash());
            return false;
        }
        if (hashedForm(password).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            BcryptUtil.matches(password.substring(0, Math.min(password.length(), MAX_BYTES)), hashOrNull);
            return false;
        }
        return BcryptUtil.matches(password, hashOrNull);
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = hash("decoy-password-never-used");
        }
        return decoyHash;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
