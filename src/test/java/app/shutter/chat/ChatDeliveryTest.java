package app.shutter.chat;

import app.shutter.support.ChatClient;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a stored message reaches the sockets: its cost in statements, its order, and the long-message path. */
@QuarkusTest
class ChatDeliveryTest extends ChatSocketTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void sending_to_an_online_recipient_takes_three_statements_and_delivery_none() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        try (ChatClient anaSocket = ChatClient.connect(chat, ana.accessToken());
             ChatClient bobSocket = ChatClient.connect(chat, bob.accessToken())) {
            awaitPresence(bob);
            Statistics statistics = sessionFactory.getStatistics();
            long fewest = Long.MAX_VALUE;
            // the least of three sends: a scheduled presence refresh may land inside one of them
            for (int i = 0; i < 3; i++) {
                statistics.clear();
                long id = anaSocket.send(frame(bob, "counted " + i, "count-" + i)).next().getLong("id");
                assertThat(bobSocket.next().getLong("id")).isEqualTo(id);
                fewest = Math.min(fewest, statistics.getPrepareStatementCount());
            }
            // the send (rules, insert, conversations, presence), the account's hourly count and the announcement
            assertThat(fewest).isEqualTo(3);
        }
    }

    @Test
    void messages_arrive_in_the_order_they_were_stored() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        List<Long> acked = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        try (ChatClient anaSocket = ChatClient.connect(chat, ana.accessToken());
             ChatClient bobSocket = ChatClient.connect(chat, bob.accessToken())) {
            awaitPresence(bob);
            // as many as the per-connection rate allows, each sent after the previous one's ack
            for (int i = 0; i < 30; i++) {
                acked.add(anaSocket.send(frame(bob, "n" + i, null)).next().getLong("id"));
            }
            for (int i = 0; i < 30; i++) {
                received.add(bobSocket.next().getLong("id"));
            }
        }
        assertThat(received).containsExactlyElementsOf(acked);
    }

    @Test
    void a_message_too_large_to_ride_in_the_announcement_is_read_back_and_delivered_whole() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        // 2 000 control characters: JSON writes each as \u0007, 12 000 bytes, over PostgreSQL's 8 000
        String text = "\u0007".repeat(ChatFrames.MAX_TEXT);
        try (ChatClient anaSocket = ChatClient.connect(chat, ana.accessToken());
             ChatClient bobSocket = ChatClient.connect(chat, bob.accessToken())) {
            awaitPresence(bob);
            long id = anaSocket.send(frame(bob, "\\u0007".repeat(ChatFrames.MAX_TEXT), "big")).next().getLong("id");
            JsonPath message = bobSocket.next();
            assertThat(message.getLong("id")).isEqualTo(id);
            assertThat(message.getString("messageText")).isEqualTo(text);
            assertThat(message.getString("clientId")).isEqualTo("big");
            // and a short one after it still rides along
            long next = anaSocket.send(frame(bob, "small", null)).next().getLong("id");
            assertThat(bobSocket.next().getLong("id")).isEqualTo(next);
        }
    }
}
