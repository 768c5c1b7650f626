package app.shutter.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real HTTP client reading a text/event-stream line by line, as EventSource would. */
public final class SseClient implements AutoCloseable {

    /** Generous: the tests wait for events, they never time them. */
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final String END = "\u0000end";

    public record Event(String id, String name, String data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                // closed by the test
            } finally {
                lines.add(END);
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient open(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new SseClient(response);
    }

    public int status() {
        return response.statusCode();
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    /** Waits until the server's opening comment arrived, so the stream is registered. */
    public SseClient awaitOpen() throws InterruptedException {
        String line;
        do {
            line = poll();
        } while (line != null && !line.matches(":\\s*connected"));
        if (line == null) {
            throw new AssertionError("the stream never opened");
        }
        return this;
    }

    /** The next event with data (comments such as heartbeats are skipped), or null when the stream ended. */
    public Event next() throws InterruptedException {
        String id = null;
        String name = null;
        StringBuilder data = null;
        while (true) {
            String line = poll();
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(id, name, data.toString());
                }
                continue;
            }
            if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).trim());
            }
        }
    }

    /** Whether the server ended the stream (within the generous wait). */
    public boolean ended() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (END.equals(line)) {
                return true;
            }
        }
        return false;
    }

    private String poll() throws InterruptedException {
        String line = lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("nothing arrived on the stream within " + WAIT);
        }
        return END.equals(line) ? null : line;
    }

    @Override
    public void close() {
        reader.interrupt();
        response.body().close();
    }
}
