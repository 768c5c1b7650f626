package app.shutter.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "shutter.auth")
public interface AuthConfig {

    /** Lifetime of access tokens. */
    @WithDefault("15M")
    Duration accessTokenTtl();

    /** Lifetime of a refresh token; each refresh issues a new one. */
    @WithDefault("30D")
    Duration refreshTokenTtl();

    /** bcrypt cost factor for new password hashes (>= 10). */
    @WithDefault("12")
    int bcryptCost();

    /**
     * Other instances' revocations arrive at once through LISTEN/NOTIFY; this poll is the safety net for
     * announcements lost while the listening connection was down.
     */
    @WithDefault("30s")
    Duration revocationPollInterval();

    /**
     * How many verified access tokens to remember (each until it expires), so a client's next request skips
     * the signature check; 0 verifies every request. Revocation is checked on every request regardless.
     */
    @WithDefault("10000")
    int verifiedTokenCacheSize();

    RateLimits rateLimit();

    TwoFactorSettings twoFactor();

    interface TwoFactorSettings {
        /**
         * The key that encrypts TOTP secrets at rest: 32 random bytes in base64 (e.g. {@code openssl rand -base64
         * 32}), the same on every instance. Unset, it is derived from the JWT signing key (so that every instance
         * has the same one without another secret to deploy); set it to rotate the signing key freely. To change
         * it, list the old one in previousEncryptionKeys for one deployment; a key changed without that turns
         * two-factor login unusable for accounts enrolled before (they log in with a recovery code, stored as a
         * hash, and enrol again).
         */
        Optional<String> encryptionKey();

        /**
         * Keys that sealed secrets before the current one, still opened while they are listed: each 32 bytes in
         * base64, or {@code signing-key} for the key derived from the JWT signing key (to move from the default to
         * a configured key). At start, every secret only one of them opens is sealed again with the current key;
         * drop them at the next deployment.
         */
        Optional<List<String>> previousEncryptionKeys();
    }

    /**
     * Failed logins are counted three ways (OWASP's authentication guidance): per address, per account and address,
     * and per account over a longer window, from which a device that has logged in to the account before is
     * exempt (it sends its deviceToken). A stranger can therefore slow down, but not lock out, an account's owner.
     */
    interface RateLimits {
        /** Failed logins allowed per client address (to any accounts) within loginWindow. */
        @WithDefault("20")
        int loginFailuresPerAddress();

        /** Failed logins allowed per account from one address within loginWindow. */
        @WithDefault("5")
        int loginFailuresPerAccountAndAddress();

        @WithDefault("15M")
        Duration loginWindow();

        /** Failed logins allowed per account from all addresses within accountLoginWindow, known devices exempt. */
        @WithDefault("50")
        int loginFailuresPerAccount();

        @WithDefault("1H")
        Duration accountLoginWindow();

        /** Registrations allowed per client address within the window. */
        @WithDefault("5")
        int registrationsPerAddress();

        @WithDefault("1H")
        Duration registrationWindow();

        /** Verification codes one account may have mailed (resends) within mailWindow. */
        @WithDefault("5")
        int verificationMailsPerAccount();

        /** Password reset requests allowed per client address within mailWindow (each may mail someone). */
        @WithDefault("10")
        int resetRequestsPerAddress();

        @WithDefault("1H")
        Duration mailWindow();
    }
}
