package app.shutter.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Features depend on each other one way (docs/architecture.md, "Code structure"): each package of the main code
 * imports only packages of a lower level, so no feature imports one that imports it back.
 */
class PackageDependenciesTest {

    /** The levels, lowest first; packages on one level do not import each other. */
    private static final Map<String, Integer> LEVEL = Map.ofEntries(
            Map.entry("common", 0),
            Map.entry("media", 1), Map.entry("mail", 1), Map.entry("web", 1),
            Map.entry("user", 2),
            Map.entry("auth", 3), Map.entry("graph", 3),
            Map.entry("post", 4), Map.entry("story", 4),
            Map.entry("feed", 5), Map.entry("notification", 5),
            Map.entry("chat", 6),
            Map.entry("moderation", 7));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?app\\.shutter\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    @Test
    void every_feature_imports_only_features_below_it() throws IOException {
        Path root = Path.of("src/main/java/app/shutter");
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String feature = relative.getName(0).toString();
                assertThat(LEVEL).as("the level of package %s", feature).containsKey(feature);
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    String used = imports.group(1);
                    if (!used.equals(feature) && LEVEL.getOrDefault(used, Integer.MAX_VALUE) >= LEVEL.get(feature)) {
                        upward.add(relative + " imports " + used);
                    }
                }
            }
        }
        assertThat(upward).as("imports that do not run downwards").isEmpty();
    }
}
