package app.shutter.common;

import app.shutter.support.ApiTest;
import app.shutter.support.ChatClient;
import app.shutter.support.SseClient;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static app.shutter.support.TestUsers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Each configurable bound, tried at the bound (accepted) and one past it (refused). */
@QuarkusTest
class ResourceLimitsTest extends ApiTest {

    private static final int MAX_JSON_BYTES = 1024 * 1024;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/chat")
    URI chat;

    @TestHTTPResource("/notifications/stream")
    URI stream;

    /** A login body of exactly {@code size} bytes. */
    private static String loginOf(int size) {
        String start = "{\"login\":\"";
        String end = "\",\"password\":\"whatever-password\"}";
        return start + "x".repeat(size - start.length() - end.length()) + end;
    }

    @Test
    void a_json_body_of_1_mib_is_read_and_one_byte_more_is_a_413() {
        // read: refused for its content (no such account), not for its size
        anonymous().body(loginOf(MAX_JSON_BYTES)).post("/auth/login").then().statusCode(not(equalTo(413)));
        anonymous().body(loginOf(MAX_JSON_BYTES + 1)).post("/auth/login").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void the_servers_json_reader_takes_32_levels_and_refuses_33() {
        assertThatCode(() -> json.readTree("[".repeat(32) + "]".repeat(32))).doesNotThrowAnyException();
        assertThatThrownBy(() -> json.readTree("[".repeat(33) + "]".repeat(33)))
                .isInstanceOf(StreamConstraintsException.class);
        // request bodies bind to flat records, so a deep body fails at its first unexpected token: a 400
        anonymous().body("{\"login\":" + "[".repeat(5000) + "]".repeat(5000) + "}").post("/auth/login").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void five_notification_streams_per_account_are_served_and_a_sixth_is_a_429() throws Exception {
        TestUser ana = TestUsers.create();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + ana.accessToken());
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(SseClient.open(stream, auth).awaitOpen());
            }
            try (SseClient sixth = SseClient.open(stream, auth)) {
                assertThat(sixth.status()).isEqualTo(429);
                assertThat(sixth.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }
            // another account is not affected
            try (SseClient other = SseClient.open(stream, Map.of("Authorization", "Bearer "
                    + TestUsers.create().accessToken())).awaitOpen()) {
                assertThat(other.status()).isEqualTo(200);
            }
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void five_chat_sockets_per_account_stay_open_and_a_sixth_is_closed_with_1008() throws Exception {
        TestUser ana = TestUsers.create();
        List<ChatClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(ChatClient.connect(chat, ana.accessToken()));
                awaitPresenceCount(ana, i + 1);
            }
            try (ChatClient sixth = ChatClient.connect(chat, ana.accessToken())) {
                assertThat(sixth.closeCode()).isEqualTo(1008);
            }
            // the five still work
            open.get(0).send("{}");
            assertThat(open.get(0).next().getString("type")).isEqualTo("error");
        } finally {
            open.forEach(ChatClient::close);
        }
    }

    private void awaitPresenceCount(TestUser user, long count) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if ((Long) queryValue("select count(*) from chat_presence where user_id = ?", user.id()) >= count) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("presence rows never reached " + count);
    }
}
