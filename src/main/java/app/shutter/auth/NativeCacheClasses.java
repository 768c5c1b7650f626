package app.shutter.auth;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Caffeine builds each cache from a class it looks up by name, chosen by the builder's options (strength,
 * stats, size, expiry), and a node class the same way. A native image keeps only the classes registered for
 * reflection; quarkus-caffeine registers the common ones, not necessarily the ones an application's builder
 * options pick. These are the classes of this application's cache; {@code NativeCacheClassesTest} checks them
 * against what Caffeine picks on the JVM, so a changed builder or a Caffeine upgrade fails there.
 */
@RegisterForReflection(classNames = {
        // VerifiedTokenCache: stats, maximum size, variable expiry
        "com.github.benmanes.caffeine.cache.SSSMSA", "com.github.benmanes.caffeine.cache.PSWMS"})
final class NativeCacheClasses {

    private NativeCacheClasses() {
    }
}
