package app.shutter.media;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Server-generated file names: 128 random bits, URL-safe, so unauthenticated URLs cannot be guessed. A native
 * image initializes this class at run time (application.properties): a random source seeded while the image
 * was built would start every binary from the same state.
 */
final class MediaNames {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MediaNames() {
    }

    /** Only names this server generates; anything else (paths, dots) is never read, served or deleted. */
    static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{22,64}\\.(jpg|png|mp4|mov)");

    static String random(String extension) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + extension;
    }
}
