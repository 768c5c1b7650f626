package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Pinned posts: up to three, newest pin first, seen by whoever may see the author's posts. */
@QuarkusTest
class PinTest extends ApiTest {

    @Test
    void three_posts_pin_to_the_top_newest_pin_first_and_a_fourth_is_a_409() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long[] posts = IntStream.range(0, 4).mapToLong(i -> TestPosts.publishId(author)).toArray();
        for (int i = 0; i < 3; i++) {
            author.request().post("/posts/" + posts[i] + "/pin").then().statusCode(204);
        }
        author.request().post("/posts/" + posts[0] + "/pin").then().statusCode(204); // again: no change
        author.request().post("/posts/" + posts[3] + "/pin").then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("At most 3"));

        fan.request().get("/users/" + author.username() + "/pinned").then().statusCode(200)
                .body("items[0].pinned", equalTo(true)).body("nextCursor", nullValue());
        assertThat(pinned(fan, author)).containsExactly(posts[2], posts[1], posts[0]);
        fan.request().get("/posts/" + posts[3]).then().body("pinned", equalTo(false));

        author.request().delete("/posts/" + posts[1] + "/pin").then().statusCode(204);
        author.request().delete("/posts/" + posts[1] + "/pin").then().statusCode(204);
        author.request().post("/posts/" + posts[3] + "/pin").then().statusCode(204);
        assertThat(pinned(fan, author)).containsExactly(posts[3], posts[2], posts[0]);
    }

    @Test
    void only_the_author_pins_and_the_pins_follow_the_rules_of_the_profile() {
        TestUser author = TestUsers.create();
        TestUser stranger = TestUsers.create();
        long post = TestPosts.publishId(author);
        stranger.request().post("/posts/" + post + "/pin").then().statusCode(403);
        author.request().post("/posts/" + post + "/pin").then().statusCode(204);
        stranger.request().delete("/posts/" + post + "/pin").then().statusCode(403);

        TestPosts.makePrivate(author);
        stranger.request().get("/users/" + author.username() + "/pinned").then().statusCode(403);
        stranger.request().post("/posts/" + post + "/pin").then().statusCode(404);
        TestUser blocked = TestUsers.create();
        TestPosts.block(author, blocked);
        blocked.request().get("/users/" + author.username() + "/pinned").then().statusCode(404);
        assertThat(pinned(author, author)).containsExactly(post);
        TestUsers.anonymous().get("/users/" + author.username() + "/pinned").then().statusCode(401);
    }

    private static List<Long> pinned(TestUser viewer, TestUser author) {
        return viewer.request().get("/users/" + author.username() + "/pinned").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    @Test
    void pins_sent_at_once_never_pin_more_than_three() throws Exception {
        TestUser author = TestUsers.create();
        List<Long> posts = IntStream.range(0, 6).mapToObj(i -> TestPosts.publishId(author)).toList();
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> pins = posts.stream().<Callable<Integer>>map(id ->
                    () -> author.request().post("/posts/" + id + "/pin").then().extract().statusCode()).toList();
            List<Integer> statuses = pool.invokeAll(pins).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(statuses).filteredOn(s -> s == 204).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(queryValue("select count(*) from posts where author_id = ? and pinned_at is not null",
                author.id())).isEqualTo(3L);
    }
}
