package app.shutter.story;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestPosts;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class StoryTest extends ApiTest {

    @Test
    void posting_a_story_returns_it_with_its_media_and_a_24_hour_lifetime() {
        TestUser author = TestUsers.create();
        var created = author.upload().multiPart("media", "s.jpg", MediaSamples.jpeg(32, 48), "image/jpeg")
                .post("/stories").then().statusCode(201)
                .body("author.username", equalTo(author.username())).body("media.type", equalTo("image"))
                .body("media.width", equalTo(32)).body("media.height", equalTo(48))
                .body("seen", equalTo(true)).body("viewCount", equalTo(0));
        JsonPath story = created.extract().jsonPath();
        created.header("Location", endsWith("/stories/" + story.getLong("id")));
        assertThat(MediaFolder.contains(story.getString("media.url"))).isTrue();
        assertThat(MediaFolder.contains(story.getString("media.thumbnailUrl"))).isTrue();
        assertThat(Duration.between(Instant.parse(story.getString("createdAt")),
                Instant.parse(story.getString("expiresAt")))).isEqualTo(Duration.ofHours(24));

        author.upload().multiPart("media", "a.jpg", MediaSamples.jpeg(8, 8), "image/jpeg")
                .multiPart("media", "b.jpg", MediaSamples.jpeg(8, 8), "image/jpeg").post("/stories").then()
                .statusCode(400).body("errors[0].field", equalTo("media"));
        author.upload().multiPart("media", "x.jpg", "not an image".getBytes(), "image/jpeg").post("/stories").then()
                .statusCode(415);
    }

    @Test
    void the_tray_shows_my_stories_first_then_unseen_then_seen_accounts_by_latest_story() {
        TestUser me = TestUsers.create();
        TestUser early = TestUsers.create();
        TestUser watched = TestUsers.create();
        TestUser late = TestUsers.create();
        TestUser stranger = TestUsers.create();
        for (TestUser followed : new TestUser[] {early, watched, late}) {
            TestPosts.follow(me, followed);
        }
        TestStories.post(early);
        long watchedStory = TestStories.postId(watched);
        TestStories.post(late);
        TestStories.post(stranger);
        TestStories.post(me);
        me.request().post("/stories/" + watchedStory + "/view").then().statusCode(204);

        me.request().get("/stories/feed").then().statusCode(200)
                .body("items.user.username", contains(me.username(), late.username(), early.username(),
                        watched.username()))
                .body("items.hasUnseen", contains(false, true, true, false))
                .body("items[3].stories[0].seen", equalTo(true)).body("items[1].stories[0].seen", equalTo(false))
                .body("items[1].stories[0].viewCount", nullValue());
        String cursor = me.request().get("/stories/feed?limit=2").then()
                .body("items.user.username", contains(me.username(), late.username())).extract().path("nextCursor");
        me.request().queryParam("cursor", cursor).get("/stories/feed?limit=2").then()
                .body("items.user.username", contains(early.username(), watched.username()))
                .body("nextCursor", nullValue());
        me.request().get("/stories/feed?cursor=garbage").then().statusCode(400);
    }

    @Test
    void views_are_counted_once_and_only_the_author_sees_who_viewed() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long story = TestStories.postId(author);
        fan.request().get("/stories/" + story).then().body("seen", equalTo(false));
        fan.request().post("/stories/" + story + "/view").then().statusCode(204);
        fan.request().post("/stories/" + story + "/view").then().statusCode(204);
        author.request().post("/stories/" + story + "/view").then().statusCode(204);

        fan.request().get("/stories/" + story).then().body("seen", equalTo(true)).body("viewCount", nullValue());
        author.request().get("/stories/" + story).then().body("viewCount", equalTo(1));
        author.request().get("/stories/" + story + "/viewers").then().statusCode(200)
                .body("items.user.username", contains(fan.username())).body("items[0].viewedAt", endsWith("Z"));
        fan.request().get("/stories/" + story + "/viewers").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void private_and_blocked_accounts_keep_their_stories_hidden() {
        TestUser closed = TestUsers.create();
        TestUser follower = TestUsers.create();
        TestUser stranger = TestUsers.create();
        TestPosts.follow(follower, closed);
        TestPosts.makePrivate(closed);
        long story = TestStories.postId(closed);

        follower.request().get("/users/" + closed.username() + "/stories").then().statusCode(200)
                .body("items.id", contains((int) story));
        stranger.request().get("/users/" + closed.username() + "/stories").then().statusCode(403);
        stranger.request().get("/stories/" + story).then().statusCode(404);
        stranger.request().post("/stories/" + story + "/view").then().statusCode(404);
        stranger.request().get("/stories/" + story + "/viewers").then().statusCode(404);

        TestPosts.block(closed, follower);
        follower.request().get("/users/" + closed.username() + "/stories").then().statusCode(404);
        follower.request().get("/stories/" + story).then().statusCode(404);
        follower.request().get("/stories/feed").then().body("items.size()", equalTo(0));
    }

    @Test
    void only_the_author_deletes_a_story_and_its_files_go_with_it() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        JsonPath story = TestStories.post(author).extract().jsonPath();
        long id = story.getLong("id");
        fan.request().post("/stories/" + id + "/view").then().statusCode(204);

        fan.request().delete("/stories/" + id).then().statusCode(403);
        author.request().delete("/stories/" + id).then().statusCode(204);
        author.request().get("/stories/" + id).then().statusCode(404);
        author.request().delete("/stories/" + id).then().statusCode(404);
        assertThat(MediaFolder.contains(story.getString("media.url"))).isFalse();
        assertThat(MediaFolder.contains(story.getString("media.thumbnailUrl"))).isFalse();
        assertThat(queryValue("select count(*) from story_views where story_id = ?", id)).isEqualTo(0L);
    }

    @Test
    void a_deleted_account_takes_its_stories_files_and_views_along() {
        TestUser author = TestUsers.create();
        TestUser leaving = TestUsers.create();
        long viewed = TestStories.postId(author);
        JsonPath own = TestStories.post(leaving).extract().jsonPath();
        leaving.request().post("/stories/" + viewed + "/view").then().statusCode(204);

        leaving.request().body("{\"password\":\"" + leaving.password() + "\"}").delete("/users/me").then()
                .statusCode(204);
        assertThat(MediaFolder.contains(own.getString("media.url"))).isFalse();
        assertThat(queryValue("select count(*) from stories where author_id = ?", leaving.id())).isEqualTo(0L);
        author.request().get("/stories/" + viewed).then().body("viewCount", equalTo(0));
        author.request().get("/stories/" + viewed + "/viewers").then().body("items.size()", equalTo(0));
    }
}
