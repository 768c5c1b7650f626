package app.shutter.common.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

/** Fails the start with a clear message instead of 500s on every login when keys are missing. */
@ApplicationScoped
public class JwtKeysCheck {

    void onStart(@Observes StartupEvent start, Config config) {
        boolean signKey = config.getOptionalValue("smallrye.jwt.sign.key.location", String.class).isPresent()
                || config.getOptionalValue("smallrye.jwt.sign.key", String.class).isPresent();
        boolean verifyKey = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent();
        if (!signKey || !verifyKey) {
            throw new IllegalStateException("JWT keys are not configured: set SMALLRYE_JWT_SIGN_KEY_LOCATION "
                    + "(RSA private key, PEM) and MP_JWT_VERIFY_PUBLICKEY_LOCATION (its public key)");
        }
    }
}
