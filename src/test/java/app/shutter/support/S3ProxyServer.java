package app.shutter.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A real S3 API server for the tests of the S3 media store: S3Proxy with its filesystem backend, run as its own
 * process from the jar the build copies to target/s3proxy (on the tests' class path its jclouds, Jetty and
 * Jackson would clash with the application's). Each start gets a fresh folder; a bucket is a directory in it,
 * so {@link MediaFolder} reads the stored objects as files.
 */
public class S3ProxyServer implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "shutter-media";
    public static final String ACCESS_KEY = "shutter-test";
    public static final String SECRET_KEY = "shutter-test-secret";
    /** Where the bucket's objects are, for {@link MediaFolder}; a property of the tests only. */
    public static final String BUCKET_DIRECTORY = "s3proxy.test.bucket-directory";

    private static final Path JAR = Path.of("target/s3proxy/s3proxy.jar");

    private Process process;

    @Override
    public Map<String, String> start() {
        try {
            if (!Files.exists(JAR)) {
                throw new IllegalStateException(JAR + " is missing: the build copies it (mvnw generate-test-resources)");
            }
            int port = freePort();
            Path base = Path.of("target/s3proxy/data-" + UUID.randomUUID()).toAbsolutePath();
            Files.createDirectories(base.resolve(BUCKET));
            Path properties = base.resolveSibling(base.getFileName() + ".properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + base, ""));
            Path log = base.resolveSibling(base.getFileName() + ".log");
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(), "--properties", properties.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitListening(port, log);
            return Map.of("shutter.media.store", "s3",
                    "shutter.media.s3.bucket", BUCKET,
                    "shutter.media.s3.endpoint", "http://127.0.0.1:" + port,
                    "shutter.media.s3.access-key-id", ACCESS_KEY,
                    "shutter.media.s3.secret-access-key", SECRET_KEY,
                    "shutter.media.s3.path-style", "true",
                    BUCKET_DIRECTORY, base.resolve(BUCKET).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    private void awaitListening(int port, Path log) throws IOException {
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy stopped: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/")
                        .toURL().openConnection();
                connection.setConnectTimeout(200);
                connection.getResponseCode(); // any answer (403 without a signature) means it serves
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("S3Proxy did not start within 60 s: " + Files.readString(log));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
