package app.shutter.feed;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class FeedTest extends ApiTest {

    @Test
    void the_home_feed_has_my_posts_and_those_i_follow_newest_first() {
        TestUser me = TestUsers.create();
        TestUser followed = TestUsers.create();
        TestUser other = TestUsers.create();
        TestPosts.follow(me, followed);
        long mine = TestPosts.publishId(me);
        long theirs = TestPosts.publishId(followed);
        TestPosts.publishId(other);
        me.request().get("/feed").then().statusCode(200).body("items.id", contains((int) theirs, (int) mine))
                .body("nextCursor", nullValue());
        me.request().delete("/users/" + followed.username() + "/follow").then().statusCode(204);
        me.request().get("/feed").then().body("items.id", contains((int) mine));
    }

    @Test
    void a_block_either_way_empties_the_feed_and_the_likers_of_each_other() {
        TestUser me = TestUsers.create();
        TestUser friend = TestUsers.create();
        TestUser neighbour = TestUsers.create();
        TestPosts.follow(me, friend);
        long theirs = TestPosts.publishId(friend);
        long shared = TestPosts.publishId(neighbour);
        friend.request().post("/posts/" + shared + "/like").then().statusCode(200);
        me.request().get("/posts/" + shared + "/likes").then().body("items.username", contains(friend.username()));

        TestPosts.block(friend, me);
        me.request().get("/feed").then().body("items.id", not(hasItem((int) theirs)));
        me.request().get("/posts/" + shared + "/likes").then().statusCode(200).body("items.size()", equalTo(0));
        neighbour.request().get("/posts/" + shared + "/likes").then().body("items.username",
                contains(friend.username()));
    }

    @Test
    void a_pending_follow_request_does_not_fill_the_feed() {
        TestUser me = TestUsers.create();
        TestUser closed = TestUsers.create();
        TestPosts.makePrivate(closed);
        TestPosts.publishId(closed);
        TestPosts.follow(me, closed);
        me.request().get("/feed").then().body("items.size()", equalTo(0));
    }

    @Test
    void profile_posts_follow_privacy_and_blocks() {
        TestUser owner = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestUser blocked = TestUsers.create();
        long post = TestPosts.publishId(owner);
        fan.request().get("/users/" + owner.username() + "/posts").then().statusCode(200)
                .body("items.id", contains((int) post));
        TestPosts.makePrivate(owner);
        fan.request().get("/users/" + owner.username() + "/posts").then().statusCode(403)
                .contentType("application/problem+json");
        owner.request().get("/users/" + owner.username() + "/posts").then().statusCode(200);
        TestPosts.block(owner, blocked);
        blocked.request().get("/users/" + owner.username() + "/posts").then().statusCode(404);
        owner.request().get("/users/" + blocked.username() + "/posts").then().statusCode(404);
        fan.request().get("/users/" + owner.username() + "/posts?limit=0").then().statusCode(400);
    }

    @Test
    void paging_never_repeats_or_skips_while_new_posts_arrive() {
        TestUser me = TestUsers.create();
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(TestPosts.publishId(me));
        }
        JsonPath first = me.request().get("/feed?limit=2").then().statusCode(200).extract().jsonPath();
        TestPosts.publishId(me); // arrives between pages
        List<Long> seen = new ArrayList<>(first.getList("items.id", Long.class));
        String cursor = first.getString("nextCursor");
        while (cursor != null) {
            JsonPath page = me.request().queryParam("cursor", cursor).get("/feed?limit=2").then().statusCode(200)
                    .extract().jsonPath();
            seen.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
        }
        assertThat(seen).containsExactlyElementsOf(reversed(published));
    }

    private static List<Long> reversed(List<Long> list) {
        List<Long> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
