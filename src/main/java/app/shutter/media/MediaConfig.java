package app.shutter.media;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/** Where uploaded media is kept and how much of it is accepted (prefix {@code shutter.media}). */
@ConfigMapping(prefix = "shutter.media")
public interface MediaConfig {

    /** Where files are kept: {@code local} (a folder, shared by the instances) or {@code s3} (a bucket). */
    @WithDefault("local")
    Store store();

    enum Store { LOCAL, S3 }

    /** The bucket of the S3 store ({@code shutter.media.s3.*}); read only when {@link #store()} is s3. */
    S3 s3();

    interface S3 {

        /** The bucket; it must exist. */
        Optional<String> bucket();

        /** The S3 API's address for other servers than AWS (MinIO, Ceph RGW, R2, Garage); AWS when absent. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** With the secret key; absent: the SDK's default credentials chain (environment, profile, IAM role). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** Bucket in the path (https://host/bucket/key) rather than the host name: most servers but AWS need it. */
        @WithDefault("false")
        boolean pathStyle();

        /**
         * Where clients fetch files (a CDN or the bucket's public address): media URLs are then absolute and
         * start with it, and /images/ redirects there. Absent: URLs stay /images/name, streamed through the
         * application.
         */
        Optional<URI> publicBaseUrl();

        /** Files at least this large are uploaded in parts (videos), each part this large except the last. */
        @WithDefault("16M")
        MemorySize partSize();
    }

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

    /** How often each instance looks for stored files no row points to ({@link MediaSweep}); off: never. */
    @WithDefault("6h")
    String sweepEvery();

    /**
     * How old a stored file without a row must be before the sweep removes it: longer than any upload's
     * transaction, so that a file whose row is about to commit is never taken.
     */
    @WithDefault("24h")
    java.time.Duration sweepGrace();

    /** How often the job that gives older media their BlurHash runs ({@link PlaceholderBackfill}); off: never. */
    @WithDefault("1m")
    String placeholderBackfillEvery();

    /**
     * Rows the placeholder job fills per run: with the default 1 minute, 1 000 rows (a few seconds of one core)
     * are 1.4 million a day, a backlog worked off without weighing on requests.
     */
    @WithDefault("1000")
    int placeholderBackfillPerRun();
}
