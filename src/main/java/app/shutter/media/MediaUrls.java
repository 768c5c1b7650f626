package app.shutter.media;

/**
 * The URL of a stored name, for code that maps rows to views without a bean at hand: the user summaries every
 * feature's lists carry hold an avatar's URL, read from its stored name. It asks the configured store, which
 * {@link MediaStores} hands over at startup; the URL of a name depends on configuration only.
 */
public final class MediaUrls {

    private static volatile MediaStorage storage;

    private MediaUrls() {
    }

    static void use(MediaStorage store) {
        storage = store;
    }

    /** Null for null (no avatar); before startup, the local store's /images/ URL. */
    public static String of(String name) {
        if (name == null) {
            return null;
        }
        MediaStorage store = storage;
        return store == null ? LocalDiskStorage.URL_PREFIX + name : store.url(name);
    }
}
