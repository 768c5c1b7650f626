package app.shutter.story;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestPosts;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CloseFriendsAndReactionsTest extends ApiTest {

    private static long closeFriendsStory(TestUser author) {
        return author.upload().multiPart("media", "s.jpg", MediaSamples.jpeg(16, 16), "image/jpeg")
                .multiPart("audience", "close_friends").post("/stories").then().statusCode(201)
                .body("audience", equalTo("close_friends")).extract().jsonPath().getLong("id");
    }

    private static List<Long> trayStories(TestUser viewer) {
        return viewer.request().get("/stories/feed").then().statusCode(200).extract().jsonPath()
                .getList("items.stories.flatten().id", Long.class);
    }

    @Test
    void close_friends_stories_are_seen_by_the_list_only_in_the_tray_the_profile_and_by_id() {
        TestUser author = TestUsers.create();
        TestUser friend = TestUsers.create();
        TestUser follower = TestUsers.create();
        TestPosts.follow(friend, author);
        TestPosts.follow(follower, author);
        author.request().put("/users/" + friend.username() + "/close-friend").then().statusCode(204);
        author.request().put("/users/" + friend.username() + "/close-friend").then().statusCode(204);
        long everyone = TestStories.postId(author);
        long inner = closeFriendsStory(author);

        assertThat(trayStories(friend)).containsExactly(everyone, inner);
        assertThat(trayStories(follower)).containsExactly(everyone);
        assertThat(trayStories(author)).containsExactly(everyone, inner);
        friend.request().get("/stories/" + inner).then().statusCode(200).body("audience", equalTo("close_friends"));
        follower.request().get("/stories/" + inner).then().statusCode(404);
        follower.request().post("/stories/" + inner + "/view").then().statusCode(404);
        follower.request().body(Map.of("emoji", "🔥")).put("/stories/" + inner + "/reaction").then().statusCode(404);
        follower.request().get("/users/" + author.username() + "/stories").then().statusCode(200)
                .body("items.id", contains((int) everyone));
        friend.request().get("/users/" + author.username() + "/stories").then()
                .body("items.id", contains((int) everyone, (int) inner));

        // the list: only the owner reads it; the friend is not told and sees no list of their own
        author.request().get("/users/me/close-friends").then().statusCode(200)
                .body("items.user.username", contains(friend.username())).body("nextCursor", nullValue());
        friend.request().get("/users/me/close-friends").then().body("items.size()", equalTo(0));
        friend.request().get("/notifications").then().body("items.size()", equalTo(0));

        author.request().delete("/users/" + friend.username() + "/close-friend").then().statusCode(204);
        author.request().delete("/users/" + friend.username() + "/close-friend").then().statusCode(204);
        friend.request().get("/stories/" + inner).then().statusCode(404);
        assertThat(trayStories(friend)).containsExactly(everyone);

        // a block takes the blocked account off the list; blocked accounts cannot be added
        author.request().put("/users/" + friend.username() + "/close-friend").then().statusCode(204);
        TestPosts.block(author, friend);
        assertThat(queryValue("select count(*) from close_friends where user_id = ?", author.id())).isEqualTo(0L);
        author.request().put("/users/" + friend.username() + "/close-friend").then().statusCode(409);
        author.request().put("/users/" + author.username() + "/close-friend").then().statusCode(400);
        author.request().put("/users/nobody_here_at_all/close-friend").then().statusCode(404);
        author.upload().multiPart("media", "s.jpg", MediaSamples.jpeg(16, 16), "image/jpeg")
                .multiPart("audience", "friends").post("/stories").then().statusCode(400)
                .body("errors[0].field", equalTo("audience"));
    }

    @Test
    void a_reaction_is_one_emoji_of_the_set_replaced_by_the_next_and_read_by_the_author_with_the_viewers() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestUser quiet = TestUsers.create();
        long story = TestStories.postId(author);
        quiet.request().post("/stories/" + story + "/view").then().statusCode(204);
        fan.request().body(Map.of("emoji", "😂")).put("/stories/" + story + "/reaction").then().statusCode(200)
                .body("emoji", equalTo("😂"));
        fan.request().body(Map.of("emoji", "❤")).put("/stories/" + story + "/reaction").then().statusCode(200)
                .body("emoji", equalTo("❤️"));
        fan.request().body(Map.of("emoji", "🍕")).put("/stories/" + story + "/reaction").then().statusCode(400)
                .body("errors[0].field", equalTo("emoji"));
        fan.request().body("{}").put("/stories/" + story + "/reaction").then().statusCode(400);
        author.request().body(Map.of("emoji", "🔥")).put("/stories/" + story + "/reaction").then().statusCode(400);

        author.request().get("/stories/" + story).then().body("viewCount", equalTo(2));
        author.request().get("/stories/" + story + "/viewers").then().statusCode(200)
                .body("items.user.username", contains(fan.username(), quiet.username()))
                .body("items[0].reaction", equalTo("❤️")).body("items[1].reaction", nullValue());
        fan.request().get("/stories/" + story + "/viewers").then().statusCode(403);

        fan.request().delete("/stories/" + story + "/reaction").then().statusCode(204);
        fan.request().delete("/stories/" + story + "/reaction").then().statusCode(204);
        author.request().get("/stories/" + story + "/viewers").then().body("items[0].reaction", nullValue());

        // a private account's story: no reaction from outside
        TestUser hidden = TestUsers.create();
        long privateStory = TestStories.postId(hidden);
        TestPosts.makePrivate(hidden);
        fan.request().body(Map.of("emoji", "🔥")).put("/stories/" + privateStory + "/reaction").then().statusCode(404);
        assertThat(queryValue("select count(*) from story_reactions where story_id = ?", privateStory)).isEqualTo(0L);
    }
}
