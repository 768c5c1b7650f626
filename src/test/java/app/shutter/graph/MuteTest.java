package app.shutter.graph;

import app.shutter.feed.ExploreRanking;
import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Muting quietly: posts out of the home feed and explore, stories out of the tray; the muted account sees nothing. */
@QuarkusTest
class MuteTest extends ApiTest {

    @Inject
    ExploreRanking ranking;

    /** The ranking spans every post, so each test starts without any (as ExploreTest does). */
    @BeforeEach
    void withoutPosts() {
        execute("truncate posts, explore_snapshots cascade");
    }

    private static List<Long> ids(TestUser viewer, String path, String field) {
        return viewer.request().get(path).then().statusCode(200).extract().jsonPath().getList(field, Long.class);
    }

    @Test
    void muted_posts_leave_the_home_feed_and_explore_and_muted_stories_the_tray() {
        TestUser me = TestUsers.create();
        TestUser loud = TestUsers.create();
        TestUser stranger = TestUsers.create();
        TestPosts.follow(me, loud);
        TestPosts.follow(loud, me);
        long loudPost = TestPosts.publishId(loud);
        long strangerPost = TestPosts.publishId(stranger);
        TestStories.postId(loud);
        long myPost = TestPosts.publishId(me);
        ranking.refresh(true);
        assertThat(ids(me, "/feed", "items.id")).contains(loudPost, myPost);
        assertThat(ids(me, "/explore", "items.id")).contains(strangerPost);
        assertThat(ids(me, "/stories/feed", "items.user.id")).contains(loud.id());

        me.request().body("{}").put("/users/" + loud.username() + "/mute").then().statusCode(200)
                .body("posts", equalTo(true)).body("stories", equalTo(true));
        me.request().body(Map.of("posts", true, "stories", false)).put("/users/" + stranger.username() + "/mute")
                .then().statusCode(200).body("stories", equalTo(false));
        assertThat(ids(me, "/feed", "items.id")).containsExactly(myPost);
        assertThat(ids(me, "/explore", "items.id")).doesNotContain(strangerPost, loudPost);
        assertThat(ids(me, "/stories/feed", "items.user.id")).doesNotContain(loud.id());
        me.request().get("/posts/" + loudPost).then().statusCode(200); // still there when asked for
        me.request().get("/users/" + loud.username() + "/posts").then().body("items.id", hasItem((int) loudPost));

        // the muted account is not told: its view is unchanged
        loud.request().get("/feed").then().body("items.id", hasItem((int) myPost));
        loud.request().get("/users/" + me.username()).then().statusCode(200);
        loud.request().get("/users/me/mutes").then().body("items.size()", equalTo(0));

        me.request().get("/users/me/mutes").then().statusCode(200)
                .body("items.user.username", equalTo(List.of(stranger.username(), loud.username())))
                .body("items[0].posts", equalTo(true)).body("items[0].stories", equalTo(false))
                .body("nextCursor", nullValue());
        me.request().body(Map.of("posts", false, "stories", true)).put("/users/" + loud.username() + "/mute")
                .then().statusCode(200);
        assertThat(ids(me, "/feed", "items.id")).contains(loudPost);
        assertThat(ids(me, "/stories/feed", "items.user.id")).doesNotContain(loud.id());
        me.request().delete("/users/" + loud.username() + "/mute").then().statusCode(204);
        me.request().delete("/users/" + loud.username() + "/mute").then().statusCode(204);
        assertThat(ids(me, "/stories/feed", "items.user.id")).contains(loud.id());
    }

    @Test
    void muting_needs_a_visible_account_other_than_yourself_and_something_to_mute() {
        TestUser me = TestUsers.create();
        TestUser blocker = TestUsers.create();
        TestPosts.block(blocker, me);
        me.request().put("/users/" + blocker.username() + "/mute").then().statusCode(404);
        me.request().put("/users/no_such_user_here/mute").then().statusCode(404);
        me.request().put("/users/" + me.username() + "/mute").then().statusCode(400);
        TestUser other = TestUsers.create();
        me.request().body(Map.of("posts", false, "stories", false)).put("/users/" + other.username() + "/mute")
                .then().statusCode(400).contentType("application/problem+json");
        me.request().body("{\"posts\": \"loud\"}").put("/users/" + other.username() + "/mute").then().statusCode(400);
        TestUsers.anonymous().put("/users/" + other.username() + "/mute").then().statusCode(401);
        TestUsers.anonymous().get("/users/me/mutes").then().statusCode(401);
        assertThat(queryValue("select count(*) from mutes where muter_id = ?", me.id())).isEqualTo(0L);
    }
}
