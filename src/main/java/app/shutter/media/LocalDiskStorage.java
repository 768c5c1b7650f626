package app.shutter.media;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.regex.Pattern;

/** Media files in one folder (default public/images), served at /images/ by {@link ImageRoutes}. */
@Startup
@ApplicationScoped
public class LocalDiskStorage implements MediaStorage {

    public static final String URL_PREFIX = "/images/";
    /** Only names this server generates; anything else (paths, dots) is never touched. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{22,64}\\.(jpg|png|mp4|mov)");
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
            if (name == null || !NAME.matcher(name).matches()) {
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
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(resolve(name));
    }

    @Override
    public String url(String name) {
        return name == null ? null : URL_PREFIX + name;
    }

    @Override
    public String nameOf(String url) {
        if (url == null || !url.startsWith(URL_PREFIX)) {
            return null;
        }
        String name = url.substring(URL_PREFIX.length());
        return NAME.matcher(name).matches() ? name : null;
    }

    private Path resolve(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a generated media name: " + name);
        }
        return directory.resolve(name);
    }
}
