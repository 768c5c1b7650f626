package app.shutter.chat;

import app.shutter.support.ApiTest;
import app.shutter.support.RawWebSocket;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text frame over the chat's limit closes the socket with 1009 (RFC 6455), up to the transport's cap of 1 MiB
 * per frame; Netty's default of 64 KiB per frame used to drop the connection without a close frame (1006).
 */
@QuarkusTest
class ChatFrameLimitsTest extends ApiTest {

    @TestHTTPResource("/chat")
    URI chat;

    @ParameterizedTest(name = "a text frame of {0} bytes closes with 1009")
    @ValueSource(ints = {20_000, 70_000, 1_048_576})
    void a_text_frame_over_the_limit_closes_with_1009_whatever_its_size(int size) throws Exception {
        TestUser user = TestUsers.create();
        try (RawWebSocket socket = RawWebSocket.connect(chat, user.accessToken())) {
            assertThat(socket.sendText("x".repeat(size).getBytes(StandardCharsets.US_ASCII)).closeCode())
                    .isEqualTo(1009);
        }
    }
}
