package app.shutter.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A native image initializes classes while it is built: a random source in a static field would be created
 * then, with a seed fixed in the image (the builder refuses it). Such a field is allowed only in a class the
 * build initializes at run time (quarkus.native.additional-build-args).
 */
class BuildTimeRandomTest {

    private static final Pattern STATIC_RANDOM = Pattern.compile("static\\s+(final\\s+)?(Secure)?Random\\s");

    @Test
    void no_static_random_source_outside_classes_initialized_at_run_time() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String className = Path.of("src/main/java").relativize(file).toString()
                        .replace('/', '.').replaceAll("\\.java$", "");
                if (STATIC_RANDOM.matcher(Files.readString(file)).find()
                        && !properties.contains("--initialize-at-run-time=" + className)) {
                    offending.add(className);
                }
            }
        }
        assertThat(offending).as("classes with a static random source, initialized at build time").isEmpty();
    }
}
