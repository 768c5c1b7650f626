package app.shutter.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Devices that have logged in to an account, each known by a token it got with that login (known_devices, V12;
 * only the token's SHA-256 is stored). A login presenting one is exempt from the account-wide limit on failed
 * logins (OWASP's device cookie), so a stranger failing from many addresses cannot lock the owner out of the
 * devices they already use.
 */
@ApplicationScoped
public class KnownDevices {

    @Inject
    EntityManager em;

    @Inject
    TokenService tokens;

    /** Whether this token was given to a device that logged in to this account (one indexed probe). */
    public boolean isKnown(long userId, String deviceToken) {
        String hash = hashOf(deviceToken);
        return hash != null && (Boolean) em.createNativeQuery("select exists (select 1 from known_devices"
                        + " where token_hash = :hash and user_id = :user)")
                .setParameter("hash", hash).setParameter("user", userId).getSingleResult();
    }

    /**
     * The token the device logging in now keeps: the one it sent, if it belongs to this account (its use is
     * recorded), else a new one. Runs in the caller's transaction, with the session it starts.
     */
    public String remember(long userId, String deviceToken) {
        String hash = hashOf(deviceToken);
        if (hash != null && em.createNativeQuery("update known_devices set last_used_at = now()"
                        + " where token_hash = :hash and user_id = :user")
                .setParameter("hash", hash).setParameter("user", userId).executeUpdate() == 1) {
            return deviceToken;
        }
        String fresh = tokens.newRefreshToken();
        em.createNativeQuery("insert into known_devices (user_id, token_hash) values (:user, :hash)")
                .setParameter("user", userId).setParameter("hash", TokenService.hash(fresh)).executeUpdate();
        return fresh;
    }

    /** The stored form of a token a client sent, or null when it cannot be one of ours. */
    private static String hashOf(String deviceToken) {
        return deviceToken == null || deviceToken.isBlank() || deviceToken.length() > 100 ? null
                : TokenService.hash(deviceToken);
    }
}
