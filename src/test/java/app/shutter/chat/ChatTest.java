package app.shutter.chat;

import app.shutter.support.ChatClient;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ChatTest extends ChatSocketTest {

    @Test
    void a_message_reaches_every_connection_of_the_recipient_and_the_senders_other_ones() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        try (ChatClient anaPhone = ChatClient.connect(chat, ana.accessToken());
             ChatClient anaLaptop = ChatClient.connect(ChatClient.ws(chat),
                     Map.of("Authorization", "Bearer " + ana.accessToken()));
             ChatClient bobPhone = ChatClient.connect(chat, bob.accessToken());
             ChatClient bobLaptop = ChatClient.connectWithSubprotocol(chat, bob.accessToken())) {
            anaPhone.send(frame(bob, "Hello", "c-1"));
            JsonPath ack = anaPhone.next();
            assertThat(ack.getString("type")).isEqualTo("ack");
            assertThat(ack.getString("clientId")).isEqualTo("c-1");
            assertThat(ack.getString("sentAt")).endsWith("Z");
            long id = ack.getLong("id");
            assertThat(queryValue("select text from messages where id = ?", id)).isEqualTo("Hello");

            for (ChatClient other : new ChatClient[] {bobPhone, bobLaptop, anaLaptop}) {
                JsonPath message = other.next();
                assertThat(message.getString("type")).isEqualTo("message");
                assertThat(message.getLong("id")).isEqualTo(id);
                assertThat(message.getLong("senderId")).isEqualTo(ana.id());
                assertThat(message.getLong("recipientId")).isEqualTo(bob.id());
                assertThat(message.getString("messageText")).isEqualTo("Hello");
                assertThat(message.getString("clientId")).isEqualTo("c-1");
            }
        }
    }

    @Test
    void only_mutual_followers_may_message_each_other() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser oneWay = TestUsers.create();
        TestUser pending = TestUsers.create();
        TestUser blocked = TestUsers.create();
        TestPosts.follow(ana, oneWay);
        TestPosts.makePrivate(pending);
        TestPosts.follow(ana, pending);
        TestPosts.follow(pending, ana);
        TestPosts.mutual(ana, blocked);
        TestPosts.block(blocked, ana);
        try (ChatClient client = ChatClient.connect(chat, ana.accessToken())) {
            for (TestUser other : new TestUser[] {oneWay, pending, blocked}) {
                client.send(frame(other, "hi", null));
                assertThat(client.next().getString("code")).isEqualTo("not_mutual_followers");
            }
        }
        assertThat(queryValue("select count(*) from messages where sender_id = ?", ana.id())).isEqualTo(0L);
    }

    @Test
    void each_error_code_leaves_the_connection_open() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        try (ChatClient client = ChatClient.connect(chat, ana.accessToken())) {
            String[] invalid = {"not json", "[1]", "{\"recipientId\": \"" + bob.id() + "\", \"messageText\": \"x\"}",
                    "{\"recipientId\": " + bob.id() + ", \"messageText\": \"x\", \"mood\": 1}",
                    "{\"messageText\": \"x\"}", "{\"recipientId\": " + bob.id() + ", \"messageText\": \"\"}",
                    "{\"recipientId\": " + bob.id() + ", \"messageText\": \"x\", \"clientId\": \"" + "c".repeat(65)
                            + "\"}",
                    // PostgreSQL text cannot hold U+0000
                    "{\"recipientId\": " + bob.id() + ", \"messageText\": \"a\\u0000b\"}",
                    "{\"recipientId\": " + bob.id() + ", \"messageText\": \"x\", \"clientId\": \"c\\u0000\"}"};
            for (String frame : invalid) {
                assertThat(client.send(frame).next().getString("code")).as(frame).isEqualTo("invalid_frame");
            }
            assertThat(client.send(frame(bob, "x".repeat(2001), "long")).next().getString("code"))
                    .isEqualTo("message_too_long");
            assertThat(client.send("{\"recipientId\": " + bob.id() + ", \"messageText\": \"x\", \"senderId\": "
                    + bob.id() + "}").next().getString("code")).isEqualTo("sender_mismatch");
            JsonPath unknown = client.send("{\"recipientId\": 999999999, \"messageText\": \"x\", \"clientId\": \"u\"}")
                    .next();
            assertThat(unknown.getString("type")).isEqualTo("error");
            assertThat(unknown.getString("code")).isEqualTo("unknown_recipient");
            assertThat(unknown.getString("clientId")).isEqualTo("u");
            JsonPath ack = client.send("{\"recipientId\": " + bob.id() + ", \"messageText\": \"still here\","
                    + " \"senderId\": " + ana.id() + "}").next();
            assertThat(ack.getString("type")).isEqualTo("ack");
            assertThat(ack.getString("clientId")).isNull();
        }
    }

    @Test
    void a_resent_client_id_stores_nothing_new_and_gets_the_original_ack() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        long first;
        try (ChatClient client = ChatClient.connect(chat, ana.accessToken())) {
            first = client.send(frame(bob, "once", "retry-me")).next().getLong("id");
        }
        try (ChatClient reconnected = ChatClient.connect(chat, ana.accessToken())) {
            JsonPath again = reconnected.send(frame(bob, "once", "retry-me")).next();
            assertThat(again.getString("type")).isEqualTo("ack");
            assertThat(again.getLong("id")).isEqualTo(first);
        }
        assertThat(queryValue("select count(*) from messages where sender_id = ?", ana.id())).isEqualTo(1L);
    }

    @Test
    void an_offline_recipient_gets_one_notification_and_an_online_one_none() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        try (ChatClient client = ChatClient.connect(chat, ana.accessToken())) {
            client.send(frame(bob, "are you there?", null)).next();
            client.send(frame(bob, "hello?", null)).next();
            bob.request().get("/notifications").then().body("items[0].type", equalTo("message"))
                    .body("items[0].actor.id", equalTo((int) ana.id()));
            assertThat(queryValue("select count(*) from notifications where recipient_id = ? and type = 'message'",
                    bob.id())).isEqualTo(1L);

            try (ChatClient bobOnline = ChatClient.connect(chat, bob.accessToken())) {
                awaitPresence(bob);
                client.send(frame(bob, "now you are", null)).next();
                assertThat(bobOnline.next().getString("messageText")).isEqualTo("now you are");
                assertThat(queryValue("select count(*) from notifications where recipient_id = ? and type = 'message'",
                        bob.id())).isEqualTo(1L);
            }
        }
    }

    @Test
    void history_conversations_and_read_state_with_the_read_frame() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        long last;
        try (ChatClient client = ChatClient.connect(chat, ana.accessToken())) {
            client.send(frame(bob, "one", null)).next();
            last = client.send(frame(bob, "two", null)).next().getLong("id");

            bob.request().get("/chats").then().statusCode(200).body("items[0].user.username", equalTo(ana.username()))
                    .body("items[0].lastMessage.messageText", equalTo("two")).body("items[0].unreadCount", equalTo(2));
            bob.request().get("/chats/" + ana.id() + "/messages").then().statusCode(200)
                    .body("items.messageText", contains("two", "one")).body("items[0].readAt", equalTo(null));
            bob.request().get("/chats/" + ana.id() + "/messages?limit=1").then().body("nextCursor", notNullValue());

            bob.request().post("/chats/" + ana.id() + "/read").then().statusCode(204);
            JsonPath read = client.next();
            assertThat(read.getString("type")).isEqualTo("read");
            assertThat(read.getLong("userId")).isEqualTo(bob.id());
            assertThat(read.getLong("upToId")).isEqualTo(last);
        }
        bob.request().get("/chats").then().body("items[0].unreadCount", equalTo(0));
        ana.request().get("/chats/" + bob.id() + "/messages").then().body("items[0].readAt", notNullValue());

        ana.request().delete("/users/" + bob.username() + "/follow").then().statusCode(204);
        ana.request().get("/chats/" + bob.id() + "/messages").then().statusCode(200);
        TestPosts.block(bob, ana);
        ana.request().get("/chats/" + bob.id() + "/messages").then().statusCode(404);
        ana.request().get("/chats").then().body("items.size()", equalTo(0));
    }

    @Test
    void a_bad_missing_or_revoked_token_is_refused_before_the_socket_opens() throws Exception {
        TestUser user = TestUsers.create();
        assertThat(ChatClient.refusal(chat, Map.of())).isEqualTo(401);
        assertThat(ChatClient.refusalHeaders(chat).firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(ChatClient.refusal(URI.create(chat + "?token=not-a-jwt"), Map.of())).isEqualTo(401);
        assertThat(ChatClient.refusal(chat, Map.of("Authorization", "Bearer not-a-jwt"))).isEqualTo(401);
        String expired = TestUsers.tokenExpiringAt(user, Instant.now().minusSeconds(120));
        assertThat(ChatClient.refusal(URI.create(chat + "?token=" + expired), Map.of())).isEqualTo(401);
        user.request().post("/auth/logout").then().statusCode(204);
        assertThat(ChatClient.refusal(URI.create(chat + "?token=" + user.accessToken()), Map.of())).isEqualTo(401);
    }

    @Test
    void the_socket_closes_with_policy_violation_when_its_token_expires() throws Exception {
        TestUser user = TestUsers.create();
        String shortLived = TestUsers.tokenExpiringAt(user, Instant.now().plusSeconds(3));
        try (ChatClient client = ChatClient.connect(chat, shortLived)) {
            assertThat(client.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void logging_out_closes_the_socket_with_policy_violation() throws Exception {
        TestUser user = TestUsers.create();
        try (ChatClient client = ChatClient.connect(chat, user.accessToken())) {
            awaitPresence(user);
            user.request().post("/auth/logout").then().statusCode(204);
            assertThat(client.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void flooding_is_refused_then_closed_and_an_oversized_frame_closes_with_1009() throws Exception {
        TestUser user = TestUsers.create();
        try (ChatClient client = ChatClient.connect(chat, user.accessToken())) {
            boolean limited = false;
            for (int i = 0; i < 40 && !limited; i++) {
                limited = "rate_limited".equals(client.send("{}").next().getString("code"));
            }
            assertThat(limited).isTrue();
            for (int i = 0; i < 10 && client.sendUnlessClosed("{}"); i++) {
                // keeps flooding until the server closes (the close may come before the tenth frame)
            }
            assertThat(client.closeCode()).isEqualTo(1008);
        }
        try (ChatClient client = ChatClient.connect(chat, user.accessToken())) {
            client.sendUnlessClosed("x".repeat(40_000));
            assertThat(client.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void a_frame_sent_the_moment_the_socket_opens_is_answered() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        for (int i = 0; i < 30; i++) {
            try (ChatClient client = ChatClient.connect(chat, ana.accessToken())) {
                client.send(frame(bob, "first " + i, "early-" + i));
                JsonPath answer = client.nextWithin(java.time.Duration.ofSeconds(5));
                assertThat(answer).as("answer to the frame sent on open, round " + i).isNotNull();
                assertThat(answer.getString("clientId")).isEqualTo("early-" + i);
            }
        }
    }
}
