package app.shutter.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.TimeUnit;

/**
 * The JWT parser smallrye-jwt authenticates with, remembering tokens it has verified until they expire:
 * a client sends the same access token with every request, and the RS256 check was ~13% of the server's
 * CPU on the home feed. Only a byte-identical token hits the cache, so a verified result is reused only for
 * the very string that was verified; revocation (logout) is still checked per request by
 * {@link app.shutter.common.security.RevokedSessionAugmentor}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    @Inject
    DefaultJWTParser verifier;

    @Inject
    AuthConfig config;

    @Inject
    MeterRegistry metrics;

    private Cache<String, JsonWebToken> verified;

    @PostConstruct
    void create() {
        verified = newCache(config.verifiedTokenCacheSize());
        // cache_gets_total{cache="verified_tokens",result="hit"|"miss"} and the cache's size on /q/metrics
        CaffeineCacheMetrics.monitor(metrics, verified, "verified_tokens");
    }

    /** Caffeine picks its implementation classes by name: {@link NativeCacheClasses} keeps them in a native image. */
    static Cache<String, JsonWebToken> newCache(long size) {
        return Caffeine.newBuilder().maximumSize(size).recordStats()
                .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> untilExpiry(jwt))).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = verifier.parse(token);
        verified.put(token, jwt);
        return jwt;
    }

    private static java.time.Duration untilExpiry(JsonWebToken jwt) {
        long millis = TimeUnit.SECONDS.toMillis(jwt.getExpirationTime()) - System.currentTimeMillis();
        return java.time.Duration.ofMillis(Math.max(0, millis));
    }

    // everything else is not on the authentication path: as smallrye-jwt does it

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
