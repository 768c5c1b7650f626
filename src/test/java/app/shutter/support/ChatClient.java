package app.shutter.support;

import io.restassured.path.json.JsonPath;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (java.net.http) that queues the text frames it receives. */
public final class ChatClient implements AutoCloseable {

    private static final long WAIT_SECONDS = 20;

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private WebSocket socket;

    private ChatClient() {
    }

    /** @param http the /chat URL as {@code @TestHTTPResource} gives it (http://...) */
    public static ChatClient connect(URI http, String token) throws Exception {
        return connect(URI.create(ws(http) + "?token=" + token), Map.of());
    }

    /** As browsers send a token: URL-encoded in the bearer-token-carrier subprotocol. */
    public static ChatClient connectWithSubprotocol(URI http, String token) throws Exception {
        String carried = URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token, StandardCharsets.UTF_8)
                .replace("+", "%20");
        return connect(ws(http), Map.of(), "bearer-token-carrier", carried);
    }

    public static ChatClient connect(URI uri, Map<String, String> headers, String... subprotocols) throws Exception {
        ChatClient client = new ChatClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        client.socket = builder.buildAsync(ws(uri), client.new Listener()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        return client;
    }

    /** The HTTP status of a refused upgrade. */
    public static int refusal(URI uri, Map<String, String> headers) throws Exception {
        try {
            connect(uri, headers).close();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the upgrade was accepted");
    }

    /** The headers of a refused upgrade without credentials. */
    public static java.net.http.HttpHeaders refusalHeaders(URI http) throws Exception {
        try {
            connect(ws(http), Map.of()).close();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().headers();
            }
            throw e;
        }
        throw new AssertionError("the upgrade was accepted");
    }

    public static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    public ChatClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /**
     * Sends a frame the server may answer by closing the socket (floods, oversized frames): false when the
     * connection was closed before or while the frame went out, which is what such a test waits for.
     */
    public boolean sendUnlessClosed(String text) {
        if (socket.isOutputClosed()) {
            return false;
        }
        try {
            socket.sendText(text, true).join();
            return true;
        } catch (java.util.concurrent.CompletionException closedMeanwhile) {
            return false;
        }
    }

    /** The next frame, as JSON. */
    public JsonPath next() throws InterruptedException {
        String frame = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + WAIT_SECONDS + " s");
        }
        return new JsonPath(frame);
    }

    /** The next frame, or null when none arrives in time (the server may be gone). */
    public JsonPath nextWithin(java.time.Duration wait) throws InterruptedException {
        String frame = frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        return frame == null ? null : new JsonPath(frame);
    }

    /** The close code the server ended the connection with. */
    public int closeCode() throws Exception {
        return closeCode.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
