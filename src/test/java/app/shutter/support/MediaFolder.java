package app.shutter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The media folder the test profile stores into (shutter.media.directory). */
public final class MediaFolder {

    public static final Path DIRECTORY = Path.of("target/test-images");

    private MediaFolder() {
    }

    /** Names of the files in the folder, staging files included: a leftover of any kind is a leak. */
    public static Set<String> files() {
        if (!Files.isDirectory(DIRECTORY)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean contains(String url) {
        return Files.exists(DIRECTORY.resolve(url.substring(url.lastIndexOf('/') + 1)));
    }
}
