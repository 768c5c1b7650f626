package app.shutter.chat;

import app.shutter.support.ApiTest;
import app.shutter.support.RawWebSocket;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that breaks the chat's limits or the protocol gets a close frame with the code RFC 6455 names: 1009
 * for a frame over the chat's limit, also far beyond the transport's cap of 1 MiB per frame (Vert.x used to drop
 * the connection without a close frame, 1006), and 1007 for a text frame that is not UTF-8 (it used to reach the
 * endpoint with replacement characters and be answered as an invalid frame).
 */
@QuarkusTest
class ChatFrameLimitsTest extends ApiTest {

    @TestHTTPResource("/chat")
    URI chat;

    @ParameterizedTest(name = "a text frame of {0} bytes closes with 1009")
    @ValueSource(ints = {20_000, 70_000, 1_048_576, 1_048_577, 8_388_608})
    void a_text_frame_over_the_limit_closes_with_1009_whatever_its_size(int size) throws Exception {
        TestUser user = TestUsers.create();
        try (RawWebSocket socket = RawWebSocket.connect(chat, user.accessToken())) {
            assertThat(socket.sendText("x".repeat(size).getBytes(StandardCharsets.US_ASCII)).closeCode())
                    .isEqualTo(1009);
        }
    }

    @ParameterizedTest(name = "a message of {0} bytes in frames of 64 KiB closes with 1009")
    @ValueSource(ints = {1_048_577, 8_388_608})
    void a_message_sent_in_fragments_closes_with_1009_once_it_grows_past_the_limit(int size) throws Exception {
        TestUser user = TestUsers.create();
        try (RawWebSocket socket = RawWebSocket.connect(chat, user.accessToken())) {
            assertThat(socket.sendFragmented("x".repeat(size).getBytes(StandardCharsets.US_ASCII), 65_536)
                    .closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void fragmented_messages_within_the_limit_are_read_whole_one_after_another() throws Exception {
        TestUser user = TestUsers.create();
        try (RawWebSocket socket = RawWebSocket.connect(chat, user.accessToken())) {
            for (int i = 0; i < 3; i++) { // the count starts again with each message
                String frame = "{\"recipientId\":999999999,\"messageText\":\"" + "y".repeat(1500)
                        + "\",\"clientId\":\"f-" + i + "\"}";
                assertThat(socket.sendFragmented(frame.getBytes(StandardCharsets.US_ASCII), 500).nextText())
                        .contains("unknown_recipient").contains("f-" + i);
            }
        }
    }

    @Test
    void a_binary_frame_gets_an_invalid_frame_error_and_the_socket_stays_open() throws Exception {
        TestUser user = TestUsers.create();
        byte[] json = "{\"recipientId\":999999999,\"messageText\":\"hi\",\"clientId\":\"b-1\"}"
                .getBytes(StandardCharsets.US_ASCII);
        try (RawWebSocket socket = RawWebSocket.connect(chat, user.accessToken())) {
            assertThat(socket.sendFrame(0x2, true, json).nextText()).contains("\"code\":\"invalid_frame\"")
                    .contains("binary");
            assertThat(socket.sendText(json).nextText()).contains("unknown_recipient").contains("b-1");
        }
    }

    @Test
    void pings_get_pongs_and_do_not_count_against_the_frame_rate() throws Exception {
        TestUser user = TestUsers.create();
        try (RawWebSocket socket = RawWebSocket.connect(chat, user.accessToken())) {
            for (int i = 0; i < 40; i++) { // more than the 30 frames per 10 s a client may send
                socket.sendFrame(0x9, true, ("ping-" + i).getBytes(StandardCharsets.US_ASCII));
            }
            String reply = socket.sendText("{\"recipientId\":999999999,\"messageText\":\"hi\",\"clientId\":\"p\"}"
                    .getBytes(StandardCharsets.US_ASCII)).nextText();
            assertThat(reply).contains("unknown_recipient");
            assertThat(socket.pongs()).isEqualTo(40);
        }
    }

    @ParameterizedTest(name = "frames {0} close with 1002")
    @ValueSource(strings = {"a continuation with no message", "a reserved opcode",
            "a new text inside a fragmented one"})
    void frames_that_break_the_protocol_close_with_1002(String frames) throws Exception {
        TestUser user = TestUsers.create();
        byte[] bytes = "{\"recip".getBytes(StandardCharsets.US_ASCII);
        try (RawWebSocket socket = RawWebSocket.connect(chat, user.accessToken())) {
            switch (frames) {
                case "a continuation with no message" -> socket.sendFrame(0x0, true, bytes);
                case "a reserved opcode" -> socket.sendFrame(0x3, true, bytes);
                default -> socket.sendFrame(0x1, false, bytes).sendFrame(0x1, true, bytes);
            }
            assertThat(socket.closeCode()).isEqualTo(1002);
        }
    }

    @ParameterizedTest(name = "a text frame of bytes {0} closes with 1007")
    @ValueSource(strings = {"c0af", "ff", "eda080", "7b2274797065223a22c0"})
    void a_text_frame_that_is_not_utf_8_closes_with_1007(String hex) throws Exception {
        TestUser user = TestUsers.create();
        try (RawWebSocket socket = RawWebSocket.connect(chat, user.accessToken())) {
            assertThat(socket.sendText(HexFormat.of().parseHex(hex)).closeCode()).isEqualTo(1007);
        }
    }

    @Test
    void a_text_frame_with_characters_of_every_utf_8_length_is_read_as_sent() throws Exception {
        TestUser user = TestUsers.create();
        String clientId = "c-h\u00e9\u2603\ud83d\ude00";
        try (RawWebSocket socket = RawWebSocket.connect(chat, user.accessToken())) {
            String reply = socket.sendText(("{\"recipientId\":999999999,\"messageText\":\"hi\",\"clientId\":\""
                    + clientId + "\"}").getBytes(StandardCharsets.UTF_8)).nextText();
            assertThat(reply).contains("unknown_recipient").contains("\"clientId\":\"" + clientId + "\"");
        }
    }
}
