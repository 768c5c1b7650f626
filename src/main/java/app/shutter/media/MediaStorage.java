package app.shutter.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Where media files live. Avatars, posts and stories all go through this interface; the local-disk
 * implementation serves one server (or several sharing a volume). An S3-compatible object store would
 * implement the same three operations, and its URLs would point at the bucket or a CDN.
 */
public interface MediaStorage {

    /**
     * Takes the finished file at {@code source} (a temporary file, consumed) and keeps it under {@code name}.
     * @throws FullException when the store has no room for it; any other IOException means it cannot be written
     */
    void save(String name, Path source, String contentType) throws IOException;

    /** The store is out of room (507 to the client, unlike other storage failures, which are a 503). */
    final class FullException extends IOException {
        public FullException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Removes the files; missing ones are ignored, failures are logged rather than thrown. */
    void delete(Collection<String> names);

    /** A stored file and when it was stored (the sweep of files no row points to). */
    record StoredFile(String name, java.time.Instant storedAt) {
    }

    /**
     * Every stored file with a name this server generates, in no particular order, read lazily as the stream is
     * consumed (a folder or a bucket of millions); the caller closes the stream.
     */
    java.util.stream.Stream<StoredFile> stored() throws IOException;

    /** Reads a stored file (the placeholder backfill); the caller closes the stream. */
    InputStream open(String name) throws IOException;

    /** The URL clients fetch the file from. */
    String url(String name);
}
