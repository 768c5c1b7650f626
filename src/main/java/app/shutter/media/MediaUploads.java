package app.shutter.media;

import app.shutter.common.error.ApiException;
import app.shutter.common.persistence.AfterCommit;
import app.shutter.common.persistence.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one way features take in media: validate and process uploads, keep them in {@link MediaStorage}, and
 * make sure no file outlives a failed request or a deleted row. Processing runs outside any transaction so
 * that slow decoding never holds a database connection.
 */
@ApplicationScoped
public class MediaUploads {

    private static final Logger LOG = Logger.getLogger(MediaUploads.class);

    @Inject
    MediaConfig config;

    @Inject
    ImageProcessor images;

    @Inject
    VideoProcessor videos;

    @Inject
    MediaStorage storage;

    @Inject
    AfterCommit afterCommit;

    @Inject
    MeterRegistry metrics;

    /** Processes every part, all or nothing: when one is refused, the files of the others are removed. */
    public List<StoredMedia> store(List<FileUpload> uploads, MediaPurpose purpose, String partName) {
        if (uploads.size() > config.maxParts()) {
            throw ApiException.contentTooLarge("At most " + config.maxParts() + " " + partName + " parts are accepted");
        }
        List<StoredMedia> stored = new ArrayList<>();
        try {
            for (int i = 0; i < uploads.size(); i++) {
                stored.add(store(uploads.get(i), purpose, partName + "[" + i + "]"));
            }
            return stored;
        } catch (RuntimeException e) {
            stored.forEach(this::delete);
            throw e;
        }
    }

    public StoredMedia store(FileUpload upload, MediaPurpose purpose, String part) {
        try {
            return process(upload.uploadedFile(), upload.size(), purpose, part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code work} in its own transaction. If it fails, before or at commit, the freshly stored files
     * are deleted: a row that was never written leaves no file behind.
     */
    public <T> T commit(Collection<StoredMedia> stored, Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (RuntimeException | Error e) {
            stored.forEach(this::delete);
            throw e;
        }
    }

    /** Deletes the files once the current transaction commits; nothing happens if it rolls back. */
    public void deleteAfterCommit(Collection<String> names) {
        List<String> copy = List.copyOf(names);
        afterCommit.run(() -> storage.delete(copy));
    }

    public void delete(StoredMedia media) {
        storage.delete(media.files());
    }

    /**
     * Reads a media item from the columns every table of media shares: {@code type, file, thumbnail_file,
     * width, height, duration_ms, alt_text, blurhash}.
     *
     * @param id the item's id in its post; null where items have none (stories)
     */
    public MediaItem item(Tuple row, Long id) {
        Long durationMillis = Rows.idOrNull(row, "duration_ms");
        return new MediaItem(id, storage.url(Rows.text(row, "file")), storage.url(Rows.text(row, "thumbnail_file")),
                MediaType.of(Rows.text(row, "type")), Rows.count(row, "width"), Rows.count(row, "height"),
                durationMillis == null ? null : durationMillis / 1000.0, Rows.text(row, "alt_text"),
                MediaColumns.blurhashOrNull(Rows.text(row, "blurhash")));
    }

    private StoredMedia process(Path file, long size, MediaPurpose purpose, String part) throws IOException {
        if (size > Math.max(config.maxImageSize().asLongValue(), config.maxVideoSize().asLongValue())) {
            throw ApiException.contentTooLarge(part + " is larger than any accepted media file");
        }
        ContentSniffer.Kind kind = ContentSniffer.sniff(file);
        if (kind == ContentSniffer.Kind.VIDEO && purpose.videoAllowed()) {
            if (size > config.maxVideoSize().asLongValue()) {
                throw ApiException.contentTooLarge(part + " is larger than the "
                        + MediaConfig.describe(config.maxVideoSize()) + " allowed for a video");
            }
            return keep(videos.process(file, purpose, part));
        }
        ProcessedMedia image = kind == ContentSniffer.Kind.OTHER
                ? images.process(file, size, purpose, part) : null;
        if (image == null) {
            throw ApiException.unsupportedMediaType(part + " is not an accepted file type; send "
                    + purpose.accepted());
        }
        return keep(image);
    }

    private StoredMedia keep(ProcessedMedia media) throws IOException {
        ImageEncoder.Encoded thumb = media.thumbnail();
        List<String> saved = new ArrayList<>(2);
        try {
            saved.add(save(media.file(), media.extension(), media.contentType()));
            String thumbName = thumb == null ? null : save(thumb.file(), thumb.extension(), thumb.contentType());
            return new StoredMedia(media.type(), saved.get(0), thumbName, media.width(), media.height(),
                    media.durationMillis(), media.blurhash());
        } catch (IOException | RuntimeException e) {
            storage.delete(saved);
            throw e;
        } finally {
            Files.deleteIfExists(media.file());
            if (thumb != null) {
                Files.deleteIfExists(thumb.file());
            }
        }
    }

    /** 507 when the disk is full, 503 when the folder cannot be written: the operator must act, not the client. */
    private static ApiException storeFailure(IOException e) {
        LOG.errorf("The media store refused a file: %s", e.toString());
        return e instanceof MediaStorage.FullException ? ApiException.insufficientStorage("The media store is full; nothing was stored")
                : ApiException.unavailable("The media store cannot be written right now; nothing was stored", 30);
    }

    /** Timed per store and kind of file: the storage step alone, without decoding (docs/performance.md). */
    private String save(Path file, String extension, String contentType) throws IOException {
        String name = MediaNames.random(extension);
        Timer.Sample sample = Timer.start(metrics);
        try {
            storage.save(name, file, contentType);
        } catch (IOException e) {
            throw storeFailure(e);
        }
        sample.stop(Timer.builder("shutter.media.store.save").description("Storing one processed file")
                .tag("store", config.store().name().toLowerCase(java.util.Locale.ROOT))
                .tag("kind", contentType.startsWith("video/") ? "video" : "image")
                .publishPercentiles(0.5, 0.95, 0.99).register(metrics));
        return name;
    }
}
