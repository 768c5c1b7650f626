package app.shutter.chat;

import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import app.shutter.support.ChatClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

/** Per-account limits on actions per hour: the third of each action here is refused with Retry-After. */
@QuarkusTest
@TestProfile(ActionLimitsTest.TwoAnHour.class)
class ActionLimitsTest extends ChatSocketTest {

    public static class TwoAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shutter.action-limits.posts-per-hour", "2", "shutter.action-limits.comments-per-hour", "2",
                    "shutter.action-limits.follows-per-hour", "2", "shutter.action-limits.likes-per-hour", "2",
                    "shutter.action-limits.chat-messages-per-hour", "2", "shutter.action-limits.reports-per-hour", "2");
        }
    }

    /** Two of {@code action} pass; the third is a 429 problem with Retry-After, saying which limit. */
    private static void thirdRefused(String what, IntFunction<ValidatableResponse> action) {
        action.apply(0).statusCode(org.hamcrest.Matchers.lessThan(300));
        action.apply(1).statusCode(org.hamcrest.Matchers.lessThan(300));
        action.apply(2).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).body("detail", containsString(what));
    }

    @Test
    void each_action_is_limited_per_account_and_a_refused_one_leaves_nothing() {
        TestUser me = TestUsers.create();
        TestUser other = TestUsers.create();
        long[] posts = {TestPosts.publishId(other), TestPosts.publishId(TestUsers.create()),
            TestPosts.publishId(TestUsers.create())};
        thirdRefused("posts", i -> TestPosts.attempt(me, "post " + i));
        thirdRefused("likes", i -> me.request().post("/posts/" + posts[i] + "/like").then());
        thirdRefused("comments", i -> me.request().body(Map.of("text", "hi " + i)).post("/posts/" + posts[0]
                + "/comments").then());
        TestUser[] people = {TestUsers.create(), TestUsers.create(), TestUsers.create()};
        thirdRefused("follows", i -> me.request().post("/users/" + people[i].username() + "/follow").then());
        thirdRefused("reports", i -> me.request().body(Map.of("kind", "post", "targetId", posts[i], "reason", "spam"))
                .post("/reports").then());

        assertThat(queryValue("select count(*) from posts where author_id = ?", me.id())).isEqualTo(2L);
        assertThat(queryValue("select like_count from posts where id = ?", posts[2])).isEqualTo(0);
        assertThat(queryValue("select count(*) from follows where follower_id = ?", me.id())).isEqualTo(2L);
        other.request().post("/posts/" + posts[2] + "/like").then().statusCode(200); // another account's allowance
    }

    @Test
    void the_third_chat_message_gets_a_rate_limited_frame_and_is_not_stored() throws Exception {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob);
        try (ChatClient socket = ChatClient.connect(chat, ana.accessToken())) {
            socket.send(frame(bob, "one", "c1")).next();
            socket.send(frame(bob, "two", "c2")).next();
            JsonPath refused = socket.send(frame(bob, "three", "c3")).next();
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getString("code")).isEqualTo("rate_limited");
            assertThat(refused.getString("clientId")).isEqualTo("c3");
            assertThat(refused.getString("message")).contains("chat messages").contains("try again in");
        }
        assertThat(queryValue("select count(*) from messages where sender_id = ?", ana.id())).isEqualTo(2L);
    }
}
