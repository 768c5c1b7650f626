package app.shutter.it;

import app.shutter.support.ChatClient;
import app.shutter.support.SseClient;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Crashes and outages under traffic: what clients were told stays true afterwards. */
class FaultsIT extends TwoInstances {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    Map<String, String> settings() {
        return Map.of("SHUTTER_CHAT_MESSAGES_PER_WINDOW", "100000");
    }

    @Test
    void after_a_sigkill_during_traffic_every_acknowledged_message_is_stored_once_and_like_counts_match() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        List<Long> posts = List.of(TestPosts.publishId(bob), TestPosts.publishId(bob), TestPosts.publishId(bob));
        List<TestUser> likers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            likers.add(TestUsers.create());
        }

        AtomicBoolean running = new AtomicBoolean(true);
        List<String> sent = new ArrayList<>();
        Map<String, Long> acked = new ConcurrentHashMap<>();
        ChatClient socket = ChatClient.connect(a.url("/chat"), ana.accessToken());
        Thread chat = new Thread(() -> chatUntilGone(socket, bob, running, sent, acked));
        List<Thread> threads = new ArrayList<>(List.of(chat));
        for (TestUser liker : likers) {
            threads.add(new Thread(() -> likeAndUnlike(liker, posts, running)));
        }
        threads.forEach(Thread::start);
        await().atMost(Duration.ofSeconds(20)).until(() -> acked.size() >= 20);

        a.kill();
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        socket.close();
        a.launch();

        assertThat(acked).isNotEmpty();
        Map<String, Long> stored = storedMessages(ana.id());
        assertThat(stored).containsAllEntriesOf(acked);
        // resending everything (as a client does after reconnecting) stores each message once
        try (ChatClient again = ChatClient.connect(a.url("/chat"), ana.accessToken())) {
            for (String clientId : sent) {
                again.send(message(bob, clientId));
                JsonPath ack = again.next();
                assertThat(ack.getString("clientId")).isEqualTo(clientId);
                if (acked.containsKey(clientId)) {
                    assertThat(ack.getLong("id")).isEqualTo(acked.get(clientId));
                }
            }
        }
        assertThat(storedMessages(ana.id())).hasSize(sent.size());
        assertThat(count("posts p where p.like_count <> (select count(*) from post_likes l where l.post_id = p.id)"))
                .isZero();
    }

    @Test
    void a_database_restart_answers_503_meanwhile_and_streams_resume_with_last_event_id() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestUser carol = TestUsers.create();
        // carol is offline: her "message" notifications do not mix into ana's stream below
        TestPosts.mutual(bob, carol);
        ChatClient socket = ChatClient.connect(a.url("/chat"), bob.accessToken());
        long first = TestPosts.publishId(ana);
        long second = TestPosts.publishId(ana);
        SseClient.Event seen;
        try (SseClient stream = anaStream(ana, null)) {
            bob.request().port(b.port()).post("/posts/" + first + "/like").then().statusCode(200);
            seen = stream.next();
            assertThat(seen.name()).isEqualTo("like");
        }

        database.stop();
        a.awaitReadiness(503, Duration.ofSeconds(20));
        long asked = System.nanoTime();
        ana.request().get("/feed").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5"));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
        // a chat message meanwhile is refused with a frame that says to resend; the socket stays open
        JsonPath refused = socket.send(message(carol, "outage-1")).next();
        assertThat(refused.getString("type")).isEqualTo("error");
        assertThat(refused.getString("code")).isEqualTo("unavailable");
        assertThat(refused.getString("clientId")).isEqualTo("outage-1");

        database.startServer();
        a.awaitReadiness(200, Duration.ofSeconds(60));
        b.awaitReadiness(200, Duration.ofSeconds(60));
        JsonPath ack = socket.send(message(carol, "outage-1")).next();
        socket.close();
        assertThat(ack.getString("type")).isEqualTo("ack");
        assertThat(storedMessages(bob.id())).containsOnly(Map.entry("outage-1", ack.getLong("id")));
        bob.request().port(b.port()).body(Map.of("text", "missed this")).post("/posts/" + first + "/comments")
                .then().statusCode(201);
        try (SseClient resumed = anaStream(ana, seen.id())) {
            SseClient.Event missed = resumed.next();
            assertThat(missed.name()).isEqualTo("comment");
            // and the re-established LISTEN connections carry live events from B to A again
            bob.request().port(b.port()).post("/posts/" + second + "/like").then().statusCode(200);
            SseClient.Event live = resumed.next();
            assertThat(live.name()).isEqualTo("like");
            assertThat(new JsonPath(live.data()).getLong("post.id")).isEqualTo(second);
        }
        // each instance's catch-up after reconnecting (revocations, streams) ran without failing
        assertThat(a.log() + b.log()).contains("Listening to cluster events again").doesNotContain("subscriber failed");
    }

    private SseClient anaStream(TestUser ana, String lastEventId) throws Exception {
        Map<String, String> headers = lastEventId == null ? Map.of("Authorization", "Bearer " + ana.accessToken())
                : Map.of("Authorization", "Bearer " + ana.accessToken(), "Last-Event-ID", lastEventId);
        return SseClient.open(a.url("/notifications/stream"), headers).awaitOpen();
    }

    private static String message(TestUser to, String clientId) {
        return "{\"recipientId\": " + to.id() + ", \"messageText\": \"m " + clientId + "\", \"clientId\": \""
                + clientId + "\"}";
    }

    private static void chatUntilGone(ChatClient socket, TestUser to, AtomicBoolean running, List<String> sent,
                                      Map<String, Long> acked) {
        try {
            for (int i = 0; running.get(); i++) {
                String clientId = "k-" + i;
                sent.add(clientId);
                socket.send(message(to, clientId));
                JsonPath ack = socket.nextWithin(Duration.ofSeconds(2));
                if (ack == null) {
                    return;
                }
                acked.put(ack.getString("clientId"), ack.getLong("id"));
            }
        } catch (RuntimeException | InterruptedException gone) {
            // the server died mid-send
        }
    }

    private void likeAndUnlike(TestUser liker, List<Long> posts, AtomicBoolean running) {
        for (int i = 0; running.get(); i++) {
            long post = posts.get(i % posts.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(a.url("/posts/" + post + "/like"))
                    .header("Authorization", "Bearer " + liker.accessToken()).timeout(Duration.ofSeconds(2));
            try {
                HTTP.send((i / posts.size()) % 2 == 0 ? request.POST(HttpRequest.BodyPublishers.noBody()).build()
                        : request.DELETE().build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception gone) {
                return;
            }
        }
    }

    private Map<String, Long> storedMessages(long sender) throws Exception {
        Map<String, Long> stored = new java.util.HashMap<>();
        Set<String> seen = new HashSet<>();
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select client_id, id from messages where sender_id = " + sender)) {
            while (rows.next()) {
                assertThat(seen.add(rows.getString(1))).as("stored twice: " + rows.getString(1)).isTrue();
                stored.put(rows.getString(1), rows.getLong(2));
            }
        }
        return stored;
    }
}
