package app.shutter.it;

import app.shutter.common.devenv.EmbeddedDatabase;
import app.shutter.common.devenv.ThrowawayJwtKeys;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app) run as its own process, as production runs it: several of
 * them can share one database, and the tests can stop them with SIGTERM or SIGKILL and start them again.
 */
public final class ShutterInstance implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;

    private ShutterInstance(String name, Map<String, String> environment, int port) {
        this.name = name;
        this.environment = environment;
        this.port = port;
        this.log = Path.of("target", "instances", name + ".log");
    }

    /**
     * @param database     the shared database
     * @param mediaFolder  the media store every instance shares
     * @param extra        more settings as environment variables (e.g. SHUTTER_STORIES_CLEANUP_EVERY)
     */
    public static ShutterInstance start(String name, EmbeddedDatabase database, ThrowawayJwtKeys keys, Path mediaFolder,
                                        Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toUri().toString());
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKey().toUri().toString());
        env.put("SHUTTER_MEDIA_DIRECTORY", mediaFolder.toAbsolutePath().toString());
        // every test client comes from 127.0.0.1
        env.put("SHUTTER_AUTH_RATE_LIMIT_REGISTRATIONS_PER_ADDRESS", "10000");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(extra);
        ShutterInstance instance = new ShutterInstance(name, env, freePort());
        Files.deleteIfExists(instance.log);
        instance.launch();
        return instance;
    }

    public int port() {
        return port;
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public String name() {
        return name;
    }

    /** Starts the process (again) on the same port and waits until it is ready. */
    public void launch() throws Exception {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        process = builder.start();
        awaitReadiness(200, Duration.ofSeconds(60));
    }

    /** Polls /q/health/ready until it answers {@code status}. */
    public void awaitReadiness(int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (readiness() != status) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " readiness never became " + status + "; see " + log);
            }
            Thread.sleep(100);
        }
    }

    /** The readiness status code, or -1 when nothing answers. */
    public int readiness() {
        try {
            HttpRequest request = HttpRequest.newBuilder(url("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGTERM, then waits for the process to exit; returns its exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            terminate();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
