package app.shutter.notification;

import app.shutter.support.ApiTest;
import app.shutter.support.SseClient;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Batches of two, so that a handful of subscribers already takes the job through several transactions. */
@QuarkusTest
@TestProfile(PostNotificationTest.SmallBatches.class)
class PostNotificationTest extends ApiTest {

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shutter.notifications.post-batch", "2");
        }
    }

    @TestHTTPResource("/notifications/stream")
    URI stream;

    @Inject
    PostNotifications postNotifications;

    private static void subscribe(TestUser fan, TestUser author) {
        fan.request().put("/users/" + author.username() + "/post-notifications").then().statusCode(204);
    }

    private long postNotifications(long post) {
        return (Long) queryValue("select count(*) from notifications where type = 'post' and post_id = ?", post);
    }

    private void awaitJobsDone() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> (Long) queryValue("select count(*) from post_notification_jobs") == 0L);
    }

    @Test
    void every_subscriber_is_told_of_a_new_post_live_and_in_batches_and_nobody_else() throws Exception {
        TestUser author = TestUsers.create();
        TestUser plainFollower = TestUsers.create();
        TestPosts.follow(plainFollower, author);
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestUser fan = TestUsers.create();
            TestPosts.follow(fan, author);
            subscribe(fan, author);
            fans.add(fan);
        }
        subscribe(fans.get(0), author); // idempotent
        fans.get(0).request().get("/users/" + author.username()).then()
                .body("relationship.postNotifications", equalTo(true));
        plainFollower.request().get("/users/" + author.username()).then()
                .body("relationship.postNotifications", equalTo(false));

        try (SseClient live = SseClient.open(stream, Map.of("Authorization", "Bearer " + fans.get(4).accessToken()))
                .awaitOpen()) {
            long post = TestPosts.publishId(author);
            SseClient.Event event = live.next();
            assertThat(event.name()).isEqualTo("post");
            JsonPath data = new JsonPath(event.data());
            assertThat(data.getLong("post.id")).isEqualTo(post);
            assertThat(data.getString("actor.username")).isEqualTo(author.username());
            awaitJobsDone();
            assertThat(postNotifications(post)).isEqualTo(5L);
            for (TestUser fan : fans) {
                fan.request().get("/notifications").then().body("items[0].type", equalTo("post"))
                        .body("items[0].post.id", equalTo((int) post));
            }
            plainFollower.request().get("/notifications").then().body("items.size()", equalTo(0));

            // deleting the post takes its notifications
            author.request().delete("/posts/" + post).then().statusCode(204);
            assertThat(postNotifications(post)).isZero();
        }
    }

    @Test
    void a_post_archived_before_its_job_runs_notifies_nobody() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestPosts.follow(fan, author);
        long post = TestPosts.publishId(author); // nobody subscribed yet: no job
        author.request().post("/posts/" + post + "/archive").then().statusCode(204);
        subscribe(fan, author);
        execute("insert into post_notification_jobs (post_id, author_id) values (?, ?)", post, author.id());
        postNotifications.drain();
        awaitJobsDone();
        assertThat(postNotifications(post)).isZero();
    }

    @Test
    void subscriptions_need_a_follow_end_with_it_and_spare_muters_and_the_unsubscribed() {
        TestUser author = TestUsers.create();
        TestUser stranger = TestUsers.create();
        TestUser leaving = TestUsers.create();
        TestUser muter = TestUsers.create();
        TestUser quitter = TestUsers.create();
        stranger.request().put("/users/" + author.username() + "/post-notifications").then().statusCode(409)
                .contentType("application/problem+json");
        TestPosts.makePrivate(author);
        TestPosts.follow(stranger, author); // only a request: not enough
        stranger.request().put("/users/" + author.username() + "/post-notifications").then().statusCode(409);
        for (TestUser fan : List.of(leaving, muter, quitter)) {
            TestPosts.follow(fan, author);
            author.request().post("/follow-requests/" + fan.username() + "/accept").then().statusCode(204);
            subscribe(fan, author);
        }
        leaving.request().delete("/users/" + author.username() + "/follow").then().statusCode(204);
        muter.request().body(Map.of("posts", true, "stories", false)).put("/users/" + author.username() + "/mute")
                .then().statusCode(200);
        quitter.request().delete("/users/" + author.username() + "/post-notifications").then().statusCode(204);
        quitter.request().delete("/users/" + author.username() + "/post-notifications").then().statusCode(204);

        long post = TestPosts.publishId(author);
        awaitJobsDone();
        assertThat(postNotifications(post)).isZero();

        // following again starts without post notifications
        TestPosts.follow(leaving, author);
        author.request().post("/follow-requests/" + leaving.username() + "/accept").then().statusCode(204);
        leaving.request().get("/users/" + author.username()).then()
                .body("relationship.postNotifications", equalTo(false));
        subscribe(leaving, author);
        long second = TestPosts.publishId(author);
        awaitJobsDone();
        assertThat(postNotifications(second)).isEqualTo(1L);
        TestUsers.anonymous().put("/users/" + author.username() + "/post-notifications").then().statusCode(401);
    }
}
