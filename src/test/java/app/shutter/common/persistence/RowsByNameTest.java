package app.shutter.common.persistence;

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
 * Query rows are read by column name (docs/architecture.md, "Code structure"): no main code takes a row as an
 * {@code Object[]} or reads a column by its index, so adding a column to a query cannot shift another.
 */
class RowsByNameTest {

    private static final Pattern POSITIONAL = Pattern.compile("Object\\[]|\\brows?\\[\\d|\\brows?\\[\\w+ *[+-]");

    @Test
    void no_main_code_reads_a_query_row_by_position() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (POSITIONAL.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(found).as("positional row access").isEmpty();
    }
}
