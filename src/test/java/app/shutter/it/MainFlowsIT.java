package app.shutter.it;

import app.shutter.common.devenv.PackagedAppEnvironment;
import app.shutter.support.ChatClient;
import app.shutter.support.SseClient;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The main flows against the packaged application, started as production runs it (the jar with
 * {@code ./mvnw verify}, the native binary with {@code ./mvnw verify -Dnative}).
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppEnvironment.class)
class MainFlowsIT {

    @Test
    void register_follow_post_like_comment_and_read_the_feed_and_notifications() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.login(TestUsers.create());
        TestPosts.follow(bob, ana);
        try (SseClient stream = SseClient.open(url("/notifications/stream"),
                Map.of("Authorization", "Bearer " + ana.accessToken())).awaitOpen()) {
            long post = TestPosts.publish(ana, "first light #it").extract().jsonPath().getLong("id");
            bob.request().post("/posts/" + post + "/like").then().statusCode(200).body("likeCount", equalTo(1));
            TestPosts.comment(bob, post, "lovely", null);

            bob.request().get("/feed").then().statusCode(200).body("items.id", contains((int) post));
            bob.request().get("/tags/it/posts").then().body("items.id", contains((int) post));
            ana.request().get("/notifications").then().body("items.type", hasItem("like"));
            SseClient.Event event;
            do {
                event = stream.next();
            } while (event != null && !"like".equals(event.name()));
            assertThat(event).isNotNull();
            assertThat(new JsonPath(event.data()).getString("actor.username")).isEqualTo(bob.username());
        }
    }

    @Test
    void mutual_followers_chat_over_the_websocket() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        try (ChatClient anaSocket = ChatClient.connect(url("/chat"), ana.accessToken());
             ChatClient bobSocket = ChatClient.connect(url("/chat"), bob.accessToken())) {
            anaSocket.send("{\"recipientId\": " + bob.id() + ", \"messageText\": \"hi bob\", \"clientId\": \"it-1\"}");
            assertThat(anaSocket.next().getString("type")).isEqualTo("ack");
            assertThat(bobSocket.next().getString("messageText")).isEqualTo("hi bob");
        }
        bob.request().get("/chats").then().body("items[0].lastMessage.messageText", equalTo("hi bob"));
    }

    @Test
    void the_production_build_answers_problems_and_metrics() {
        TestUsers.anonymous().get("/feed").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().get("/q/metrics").then().statusCode(200);
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }
}
