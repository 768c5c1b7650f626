package app.shutter.common.devenv;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** SIGTERM to a JVM that started the embedded PostgreSQL stops that PostgreSQL too (no orphan server). */
class EmbeddedDatabaseStopTest {

    @Test
    void sigterm_to_the_jvm_stops_the_postgresql_it_started() throws Exception {
        // relative, as dev mode and the demo jar give it (.data/postgres)
        Path data = Path.of("target", "embedded-stop-" + System.nanoTime());
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseProcess.class.getName(),
                data.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("READY "));
            assertThat(line).as("the embedded PostgreSQL started").isNotNull();
            assertThat(postgresRunningOn(data)).isTrue();

            jvm.destroy();
            assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            jvm.destroyForcibly();
        }
        for (int i = 0; i < 50 && postgresRunningOn(data); i++) {
            Thread.sleep(100);
        }
        assertThat(postgresRunningOn(data)).as("a postgres process still serves " + data).isFalse();
    }

    private static boolean postgresRunningOn(Path data) {
        String dir = data.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().anyMatch(p -> p.isAlive()
                && p.info().commandLine().map(cmd -> cmd.contains("postgres") && cmd.contains(dir)).orElse(false));
    }
}
