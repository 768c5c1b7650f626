package app.shutter.media;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Server-generated file names: 128 random bits, URL-safe, so unauthenticated URLs cannot be guessed. A native
 * image initializes this class at run time (application.properties): a random source seeded while the image
 * was built would start every binary from the same state.
 */
final class MediaNames {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MediaNames() {
    }

    static String random(String extension) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + extension;
    }
}
