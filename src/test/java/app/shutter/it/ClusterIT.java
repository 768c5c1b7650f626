package app.shutter.it;

import app.shutter.support.ChatClient;
import app.shutter.support.SseClient;
import app.shutter.support.TestPosts;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import com.icegreen.greenmail.util.GreenMail;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Two packaged instances (A and B) on one PostgreSQL, as behind a load balancer: whatever one instance does
 * reaches the clients of the other through the database's LISTEN/NOTIFY.
 */
class ClusterIT extends TwoInstances {

    private GreenMail smtp;

    @Override
    Map<String, String> settings() {
        if (smtp == null) { // asked once per instance: both send to this one server
            smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        // both instances run the story cleanup every second and send mail, in batches of 3 so that they compete
        // for rows; an account may like 4 posts an hour (counted across both)
        return Map.of("SHUTTER_STORIES_CLEANUP_EVERY", "1s", "SHUTTER_STORIES_CLEANUP_BATCH", "3",
                "QUARKUS_MAILER_HOST", "127.0.0.1", "QUARKUS_MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "SHUTTER_MAIL_BATCH", "3", "SHUTTER_ACTION_LIMITS_LIKES_PER_HOUR", "4");
    }

    @AfterAll
    void stopMail() {
        smtp.stop();
    }

    @Test
    void mail_queued_through_both_instances_is_sent_once_though_both_claim_the_outbox() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int port = i % 2 == 0 ? a.port() : b.port();
            String username = TestUsers.uniqueName("mail");
            addresses.add(username + "@example.com");
            io.restassured.RestAssured.given().port(port).contentType("application/json")
                    .header("X-Forwarded-For", TestUsers.newAddress())
                    .body(Map.of("username", username, "email", username + "@example.com",
                            "password", TestUsers.PASSWORD))
                    .post("/auth/register").then().statusCode(201);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> recipientsOf(addresses).size() >= addresses.size());
        Thread.sleep(3_000); // more polls of both instances
        assertThat(recipientsOf(addresses)).containsExactlyInAnyOrderElementsOf(addresses);
        assertThat(count("mail_outbox where status = 'sent' and recipient in ('" + String.join("', '", addresses)
                + "')")).isEqualTo(addresses.size());
    }

    /** The recipients of the messages received so far, among these addresses (each as often as it got mail). */
    private List<String> recipientsOf(List<String> addresses) throws Exception {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            if (addresses.contains(to)) {
                recipients.add(to);
            }
        }
        return recipients;
    }

    @Test
    void a_chat_message_sent_through_one_instance_reaches_the_recipients_socket_on_the_other() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        try (ChatClient anaOnA = ChatClient.connect(a.url("/chat"), ana.accessToken());
             ChatClient bobOnB = ChatClient.connect(b.url("/chat"), bob.accessToken())) {
            // presence is written once the socket is open; A reads it from the shared table
            await().atMost(Duration.ofSeconds(5)).until(() -> count("chat_presence where user_id = " + bob.id()) == 1);
            anaOnA.send("{\"recipientId\": " + bob.id() + ", \"messageText\": \"across\", \"clientId\": \"c-1\"}");
            JsonPath ack = anaOnA.next();
            assertThat(ack.getString("type")).isEqualTo("ack");
            JsonPath received = bobOnB.next();
            assertThat(received.getString("messageText")).isEqualTo("across");
            assertThat(received.getLong("id")).isEqualTo(ack.getLong("id"));

            // the resend of the same clientId through the other instance is the same message (a constraint)
            try (ChatClient anaOnB = ChatClient.connect(b.url("/chat"), ana.accessToken())) {
                anaOnB.send("{\"recipientId\": " + bob.id() + ", \"messageText\": \"across\", \"clientId\": \"c-1\"}");
                assertThat(anaOnB.next().getLong("id")).isEqualTo(ack.getLong("id"));
            }
        }
        bob.request().port(b.port()).get("/chats/" + ana.id() + "/messages").then().statusCode(200)
                .body("items.size()", equalTo(1));
        // bob was online (on B) when A stored the message: presence is shared, so no "new message" notification
        bob.request().get("/notifications").then().statusCode(200).body("items.type", not(hasItem("message")));
    }

    @Test
    void an_sse_subscriber_on_one_instance_gets_the_like_made_through_the_other() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        long post = TestPosts.publishId(ana);
        try (SseClient onB = SseClient.open(b.url("/notifications/stream"),
                Map.of("Authorization", "Bearer " + ana.accessToken())).awaitOpen()) {
            bob.request().post("/posts/" + post + "/like").then().statusCode(200);
            SseClient.Event event = onB.next();
            assertThat(event).isNotNull();
            assertThat(event.name()).isEqualTo("like");
            assertThat(new JsonPath(event.data()).getString("actor.username")).isEqualTo(bob.username());
        }
    }

    @Test
    void a_session_ended_through_one_instance_is_refused_by_the_other_at_once() {
        TestUser ana = TestUsers.create();
        ana.request().port(b.port()).get("/users/me").then().statusCode(200);
        ana.request().post("/auth/logout").then().statusCode(204);
        // the event path: B hears of it from PostgreSQL within milliseconds (the 30 s poll is only the fallback)
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                ana.request().port(b.port()).get("/users/me").then().statusCode(401));
    }

    @Test
    void a_session_ended_from_the_list_on_one_instance_is_refused_by_the_other_at_once() {
        TestUser ana = TestUsers.create();
        TestUser phone = TestUsers.login(ana);
        phone.request().port(b.port()).get("/users/me").then().statusCode(200);
        long session = phone.request().get("/users/me/sessions").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.current }.id");
        ana.request().delete("/users/me/sessions/" + session).then().statusCode(204);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                phone.request().port(b.port()).get("/users/me").then().statusCode(401));
        ana.request().port(b.port()).get("/users/me").then().statusCode(200);
    }

    @Test
    void a_two_factor_secret_sealed_by_one_instance_opens_on_the_other_and_a_code_works_once_across_both()
            throws Exception {
        TestUser ana = TestUsers.create();
        String secret = ana.request().body(Map.of("password", ana.password())).post("/users/me/two-factor").then()
                .statusCode(200).extract().path("secret");
        DefaultCodeGenerator app = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
        long step = System.currentTimeMillis() / 1000 / 30;
        // enrolled (its secret encrypted) on a, confirmed on b: both derive one key from the signing key
        ana.request().port(b.port()).body(Map.of("code", app.generate(secret, step)))
                .post("/users/me/two-factor/confirm").then().statusCode(200);
        String next = app.generate(secret, step + 1);
        Map<String, String> login = Map.of("login", ana.username(), "password", ana.password());
        String onA = TestUsers.anonymous().body(login).post("/auth/login").then().extract().path("challenge");
        TestUsers.anonymous().body(Map.of("challenge", onA, "code", next)).post("/auth/login/2fa").then()
                .statusCode(200);
        String onB = TestUsers.anonymous().port(b.port()).body(login).post("/auth/login").then().extract()
                .path("challenge");
        TestUsers.anonymous().port(b.port()).body(Map.of("challenge", onB, "code", next)).post("/auth/login/2fa")
                .then().statusCode(401);
    }

    @Test
    void an_accounts_hourly_likes_are_counted_across_both_instances_and_refused_with_retry_after() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(TestPosts.publishId(author));
        }
        for (int i = 0; i < 4; i++) {
            fan.request().port(i % 2 == 0 ? a.port() : b.port()).post("/posts/" + posts.get(i) + "/like").then()
                    .statusCode(200);
        }
        fan.request().port(b.port()).post("/posts/" + posts.get(4) + "/like").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .contentType("application/problem+json");
        fan.request().port(a.port()).post("/posts/" + posts.get(4) + "/like").then().statusCode(429);
        author.request().post("/posts/" + posts.get(4) + "/like").then().statusCode(200); // another account's own
        author.request().get("/posts/" + posts.get(4)).then().body("likeCount", equalTo(1));
    }

    @Test
    void a_suspension_made_through_one_instance_holds_on_the_other_within_a_second() throws Exception {
        TestUser moderator = TestUsers.create();
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update users set role = 'moderator' where id = " + moderator.id());
        }
        TestUser mod = TestUsers.login(moderator);
        TestUser target = TestUsers.create();
        TestUser viewer = TestUsers.create();
        target.request().port(b.port()).get("/users/me").then().statusCode(200); // B knows the token now
        viewer.request().port(b.port()).get("/users/" + target.username()).then().statusCode(200);

        mod.request().post("/admin/users/" + target.username() + "/suspend").then().statusCode(204);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                target.request().port(b.port()).get("/users/me").then().statusCode(401));
        viewer.request().port(b.port()).get("/users/" + target.username()).then().statusCode(404);
        TestUsers.anonymous().port(b.port()).header("X-Forwarded-For", target.address())
                .body(Map.of("login", target.username(), "password", target.password())).post("/auth/login")
                .then().statusCode(403);

        mod.request().post("/admin/users/" + target.username() + "/unsuspend").then().statusCode(204);
        viewer.request().port(b.port()).get("/users/" + target.username()).then().statusCode(200);
    }

    @Test
    void the_story_cleanup_running_on_both_instances_deletes_each_expired_story_once() throws Exception {
        TestUser ana = TestUsers.create();
        List<Long> stories = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stories.add(TestStories.postId(ana));
        }
        List<String> files = storyFiles(ana.id());
        assertThat(files).hasSize(20).allMatch(file -> Files.exists(media.resolve(file)));
        double before = deletedStories(a) + deletedStories(b);
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update stories set created_at = now() - interval '25 hours',"
                    + " expires_at = now() - interval '1 hour' where author_id = "
                    + ana.id());
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> storyFiles(ana.id()).isEmpty());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(deletedStories(a) + deletedStories(b) - before).isEqualTo(stories.size()));
        assertThat(files).noneMatch(file -> Files.exists(media.resolve(file)));
        assertThat(a.log() + b.log()).doesNotContain("ERROR");
    }


    private List<String> storyFiles(long author) throws Exception {
        List<String> files = new ArrayList<>();
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select file from stories where author_id = " + author)) {
            while (rows.next()) {
                files.add(rows.getString(1));
            }
        }
        return files;
    }

    private static double deletedStories(ShutterInstance instance) {
        String metrics = io.restassured.RestAssured.given().port(instance.port()).get("/q/metrics").asString();
        return metrics.lines().filter(line -> line.startsWith("shutter_stories_expired_deleted_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
