package app.shutter.media;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Media files in one folder (default public/images), served at /images/ by {@link ImageRoutes}; the store
 * unless {@code shutter.media.store} is s3 ({@link MediaStores}).
 */
@Startup
@ApplicationScoped
@Typed(LocalDiskStorage.class)
public class LocalDiskStorage implements MediaStorage {

    public static final String URL_PREFIX = "/images/";
    private static final Logger LOG = Logger.getLogger(LocalDiskStorage.class);

    @Inject
    MediaConfig config;

    private Path directory;

    @PostConstruct
    void createDirectory() {
        directory = Path.of(config.directory()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the media folder " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void save(String name, Path source, String contentType) throws IOException {
        Path target = resolve(name);
        if (Files.getFileStore(directory).getUsableSpace() - Files.size(source) < config.minFreeSpace().asLongValue()) {
            throw new FullException("Less free space than shutter.media.min-free-space under " + directory, null);
        }
        // a move within the folder is atomic, so a half-written file is never served under its final name
        Path staged = Files.createTempFile(directory, ".upload-", ".part");
        try {
            Files.move(source, staged, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target);
            }
        } catch (FileSystemException e) {
            // the disk filled up during the copy (uploads are staged on another file system)
            if (String.valueOf(e.getReason()).contains("No space left")) {
                throw new FullException("The disk under " + directory + " is full", e);
            }
            throw e;
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    @Override
    public void delete(Collection<String> names) {
        for (String name : names) {
            if (!MediaNames.isName(name)) {
                continue;
            }
            try {
                Files.deleteIfExists(resolve(name));
            } catch (IOException e) {
                LOG.warnf(e, "Could not delete media file %s", name);
            }
        }
    }

    @Override
    public java.util.stream.Stream<StoredFile> stored() throws IOException {
        return Files.list(directory).filter(entry -> MediaNames.isName(entry.getFileName().toString()))
                .flatMap(entry -> {
                    try {
                        return java.util.stream.Stream.of(new StoredFile(entry.getFileName().toString(),
                                Files.getLastModifiedTime(entry).toInstant()));
                    } catch (IOException gone) { // deleted since it was listed
                        return java.util.stream.Stream.empty();
                    }
                });
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(resolve(name));
    }

    @Override
    public String url(String name) {
        return name == null ? null : URL_PREFIX + name;
    }

    private Path resolve(String name) {
        if (!MediaNames.isName(name)) {
            throw new IllegalArgumentException("Not a generated media name: " + name);
        }
        return directory.resolve(name);
    }
}
