package app.shutter.chat;

import app.shutter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The socket's transport settings: no compression of either kind. permessage-deflate is off through WebSockets
 * Next's own setting (a customizer of ours setting it was overwritten by the extension's, depending on bean
 * order); per-frame deflate through chat/WebSocketCompression.
 */
@QuarkusTest
class ChatTransportTest extends ChatSocketTest {

    @Test
    void a_client_offering_permessage_deflate_gets_an_uncompressed_socket() throws Exception {
        assertThat(handshakeOffering("permessage-deflate; client_max_window_bits")).noneMatch(
                line -> line.startsWith("sec-websocket-extensions"));
    }

    @Test
    void a_client_offering_per_frame_deflate_gets_an_uncompressed_socket() throws Exception {
        // what Netty-based clients (Gatling among them) offer besides permessage-deflate
        assertThat(handshakeOffering("deflate-frame, x-webkit-deflate-frame")).noneMatch(
                line -> line.startsWith("sec-websocket-extensions"));
    }

    /** The response head of a raw upgrade request offering the extensions; asserts the upgrade happened. */
    private List<String> handshakeOffering(String extensions) throws Exception {
        String token = TestUsers.create().accessToken();
        try (Socket socket = new Socket(chat.getHost(), chat.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /chat?token=" + token + " HTTP/1.1\r\n"
                    + "Host: " + chat.getHost() + ":" + chat.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: " + extensions + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line.toLowerCase(Locale.ROOT));
            }
            assertThat(head.get(0)).startsWith("http/1.1 101");
            return head;
        }
    }
}
