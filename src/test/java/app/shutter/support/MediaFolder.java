package app.shutter.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the files of the running application's media store are: the folder of the test profile
 * (shutter.media.directory), or with the S3 store the bucket's folder of S3Proxy's filesystem backend.
 */
public final class MediaFolder {

    public static final Path DIRECTORY = Path.of("target/test-images");

    /** The folder of the store the application under test uses. */
    public static Path directory() {
        return ConfigProvider.getConfig().getOptionalValue(S3ProxyServer.BUCKET_DIRECTORY, String.class)
                .filter(ignored -> "s3".equals(ConfigProvider.getConfig()
                        .getOptionalValue("shutter.media.store", String.class).orElse("local")))
                .map(Path::of).orElse(DIRECTORY);
    }

    private MediaFolder() {
    }

    /** Names of the files in the folder, staging files included: a leftover of any kind is a leak. */
    public static Set<String> files() {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean contains(String url) {
        return Files.exists(directory().resolve(url.substring(url.lastIndexOf('/') + 1)));
    }
}
