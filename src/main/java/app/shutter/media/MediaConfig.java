package app.shutter.media;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where uploaded media is kept and how much of it is accepted (prefix {@code shutter.media}). */
@ConfigMapping(prefix = "shutter.media")
public interface MediaConfig {

    /** Folder of the local-disk storage, relative to the working directory unless absolute. */
    @WithDefault("public/images")
    String directory();

    @WithDefault("10M")
    MemorySize maxImageSize();

    @WithDefault("100M")
    MemorySize maxVideoSize();

    /** Media parts in one post. */
    @WithDefault("10")
    int maxParts();

    /**
     * Images whose header declares more pixels than this are refused before any pixel is decoded
     * (decompression bombs). 50 million covers the 48 MP photos of current phones.
     */
    @WithDefault("50000000")
    long maxPixels();

    /** Longest side of post and story images after re-encoding. */
    @WithDefault("1080")
    int postMaxSide();

    @WithDefault("320")
    int avatarMaxSide();

    @WithDefault("320")
    int thumbnailMaxSide();

    @WithDefault("0.85")
    float jpegQuality();

    /** "10 MB" for messages; MemorySize has no readable toString. */
    static String describe(MemorySize size) {
        long bytes = size.asLongValue();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /**
     * Uploads are refused (507) when the media folder's disk would keep less than this free, so a full disk
     * fails cleanly before a write instead of midway.
     */
    @WithDefault("64M")
    MemorySize minFreeSpace();

    /** Images decoded at once; each full-size decode can hold a few hundred MB. */
    @WithDefault("2")
    int concurrentDecodes();

    /** How often the job that gives older media their BlurHash runs ({@link PlaceholderBackfill}); off: never. */
    @WithDefault("1m")
    String placeholderBackfillEvery();
}
