package app.shutter.auth;

import app.shutter.user.User;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/** Mints RS256 access tokens and opaque refresh tokens. */
@ApplicationScoped
public class TokenService {

    public static final String SESSION_CLAIM = "sid";

    private final SecureRandom random = new SecureRandom();

    @Inject
    AuthConfig config;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Set<String> audiences;

    public String accessToken(User user, long sessionId, Instant now) {
        return Jwt.issuer(issuer)
                .audience(audiences)
                .subject(String.valueOf(user.id))
                .upn(user.username)
                .groups(user.role().groups())
                .claim("jti", UUID.randomUUID().toString())
                .claim(SESSION_CLAIM, sessionId)
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenTtl()))
                .jws()
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
    }

    /** 256 random bits, base64url; only its hash is stored. */
    public String newRefreshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String refreshToken) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public long expiresInSeconds() {
        return config.accessTokenTtl().toSeconds();
    }
}
