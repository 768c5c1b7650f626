package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Archived posts: out of sight for everyone else and out of every list, back in place when unarchived. */
@QuarkusTest
class ArchiveTest extends ApiTest {

    @Test
    void an_archived_post_is_hidden_from_everyone_else_everywhere_and_listed_in_the_authors_archive() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestPosts.follow(fan, author);
        String tag = TestUsers.uniqueName("arch");
        long post = TestPosts.publish(author, "hello @" + fan.username() + " #" + tag).extract().jsonPath().getLong("id");
        long kept = TestPosts.publishId(author);
        fan.request().post("/posts/" + post + "/like").then().statusCode(200);
        fan.request().post("/posts/" + post + "/save").then().statusCode(204);
        long comment = TestPosts.comment(fan, post, "nice", null);
        author.request().body(Map.of("caption", "hello again @" + fan.username() + " #" + tag))
                .patch("/posts/" + post).then().statusCode(200);
        assertThat(listed(fan, author, tag, post)).containsExactly(true, true, true, true);
        fan.request().get("/notifications").then().body("items.post.id", hasItem((int) post));

        author.request().post("/posts/" + post + "/archive").then().statusCode(204);
        author.request().post("/posts/" + post + "/archive").then().statusCode(204); // again: no change

        assertThat(listed(fan, author, tag, post)).containsExactly(false, false, false, false);
        for (String path : List.of("", "/likes", "/history", "/comments")) {
            fan.request().get("/posts/" + post + path).then().statusCode(404);
        }
        fan.request().get("/comments/" + comment).then().statusCode(404);
        fan.request().get("/comments/" + comment + "/replies").then().statusCode(404);
        fan.request().post("/posts/" + post + "/like").then().statusCode(404);
        fan.request().body(Map.of("text", "hello?")).post("/posts/" + post + "/comments").then().statusCode(404);
        fan.request().get("/notifications").then().body("items.post.id", not(hasItem((int) post)));

        assertThat(listed(author, author, tag, post)).as("the author's lists too")
                .containsExactly(false, false, false, false);
        author.request().get("/posts/" + post).then().statusCode(200).body("archivedAt", notNullValue())
                .body("likeCount", equalTo(1));
        author.request().get("/posts/" + post + "/history").then().statusCode(200).body("items.size()", equalTo(1));
        author.request().get("/users/me/archive").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) post))).body("nextCursor", nullValue());
        author.request().get("/users/me").then().body("postsCount", equalTo(1));
        author.request().get("/notifications").then().body("items.post.id", hasItem((int) post));

        author.request().delete("/posts/" + post + "/archive").then().statusCode(204);
        author.request().delete("/posts/" + post + "/archive").then().statusCode(204);
        assertThat(listed(fan, author, tag, post)).containsExactly(true, true, true, true);
        fan.request().get("/posts/" + post).then().statusCode(200).body("archivedAt", nullValue())
                .body("likedByMe", equalTo(true));
        fan.request().get("/users/" + author.username() + "/posts").then()
                .body("items.id", equalTo(List.of((int) kept, (int) post)));
        author.request().get("/users/me/archive").then().body("items.size()", equalTo(0));
        author.request().get("/users/me").then().body("postsCount", equalTo(2));
    }

    @Test
    void archiving_unpins_an_archived_post_cannot_be_pinned_and_only_the_author_archives() {
        TestUser author = TestUsers.create();
        TestUser stranger = TestUsers.create();
        long post = TestPosts.publishId(author);
        author.request().post("/posts/" + post + "/pin").then().statusCode(204);
        stranger.request().post("/posts/" + post + "/archive").then().statusCode(403);
        author.request().post("/posts/" + post + "/archive").then().statusCode(204);
        stranger.request().delete("/posts/" + post + "/archive").then().statusCode(404);
        stranger.request().get("/users/" + author.username() + "/pinned").then().body("items.size()", equalTo(0));
        author.request().get("/posts/" + post).then().body("pinned", equalTo(false));
        author.request().post("/posts/" + post + "/pin").then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("detail", containsString("unarchive"));
        TestUsers.anonymous().post("/posts/" + post + "/archive").then().statusCode(401);
        TestUsers.anonymous().get("/users/me/archive").then().statusCode(401);
        author.request().post("/posts/0/archive").then().statusCode(404);
        stranger.request().get("/users/me/archive").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void archives_and_unarchives_sent_at_once_keep_the_post_count_exact() throws Exception {
        TestUser author = TestUsers.create();
        List<Long> posts = IntStream.range(0, 3).mapToObj(i -> TestPosts.publishId(author)).toList();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 24).<Callable<Integer>>mapToObj(i -> () -> {
                String path = "/posts/" + posts.get(i % 3) + "/archive";
                return (i % 4 == 3 ? author.request().delete(path) : author.request().post(path)).statusCode();
            }).toList();
            for (var status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(204);
            }
        } finally {
            pool.shutdown();
        }
        long archived = author.request().get("/users/me/archive").then().extract().jsonPath().getList("items").size();
        author.request().get("/users/me").then().body("postsCount", equalTo((int) (3 - archived)));
        author.request().delete("/posts/" + posts.get(0)).then().statusCode(204);
        long left = (Long) queryValue("select count(*) from posts where author_id = ? and archived_at is null",
                author.id());
        author.request().get("/users/me").then().body("postsCount", equalTo((int) left));
    }

    @Test
    void a_deleted_account_takes_its_archived_posts_and_their_files() {
        TestUser author = TestUsers.create();
        String url = TestPosts.publish(author, "soon archived").extract().jsonPath().getString("media[0].url");
        long post = (Long) queryValue("select max(id) from posts where author_id = ?", author.id());
        author.request().post("/posts/" + post + "/archive").then().statusCode(204);
        author.request().body(Map.of("password", author.password())).delete("/users/me").then().statusCode(204);
        assertThat(queryValue("select count(*) from posts where author_id = ?", author.id())).isEqualTo(0L);
        assertThat(MediaFolder.contains(url)).isFalse();
    }

    /** Whether the post is in the viewer's home feed, the author's profile, the tag's page and their saved posts. */
    private static List<Boolean> listed(TestUser viewer, TestUser author, String tag, long post) {
        return List.of("/feed", "/users/" + author.username() + "/posts", "/tags/" + tag + "/posts", "/users/me/saved")
                .stream().map(path -> viewer.request().get(path + "?limit=50").then().statusCode(200).extract()
                        .jsonPath().getList("items.id", Long.class).contains(post)).toList();
    }
}
