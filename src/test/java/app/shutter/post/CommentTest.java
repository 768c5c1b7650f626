package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CommentTest extends ApiTest {

    @Test
    void a_reply_to_a_reply_joins_the_same_thread_and_counts_include_replies() {
        TestUser author = TestUsers.create();
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        long post = TestPosts.publishId(author);

        var created = ana.request().body(Map.of("text", "first!")).post("/posts/" + post + "/comments").then()
                .statusCode(201).body("postId", equalTo((int) post)).body("parentId", nullValue())
                .body("author.username", equalTo(ana.username())).body("text", equalTo("first!"))
                .body("replyCount", equalTo(0)).body("createdAt", notNullValue());
        long top = created.extract().jsonPath().getLong("id");
        created.header("Location", endsWith("/comments/" + top));
        long reply = TestPosts.comment(bob, post, "agreed", top);
        long replyToReply = TestPosts.comment(ana, post, "thanks", reply);
        long second = TestPosts.comment(bob, post, "second", null);

        ana.request().get("/comments/" + replyToReply).then().statusCode(200).body("parentId", equalTo((int) top));
        author.request().get("/posts/" + post).then().body("commentCount", equalTo(4));
        author.request().get("/posts/" + post + "/comments").then().statusCode(200)
                .body("items.id", contains((int) top, (int) second)).body("items[0].replyCount", equalTo(2))
                .body("items[1].replyCount", equalTo(0));
        author.request().get("/comments/" + top + "/replies").then().statusCode(200)
                .body("items.id", contains((int) reply, (int) replyToReply))
                .body("items.parentId", contains((int) top, (int) top));
    }

    @Test
    void comments_page_oldest_first_across_a_boundary() {
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        long[] ids = new long[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = TestPosts.comment(author, post, "c" + i, null);
        }
        var first = author.request().get("/posts/" + post + "/comments?limit=3").then().statusCode(200)
                .body("items.id", contains((int) ids[0], (int) ids[1], (int) ids[2]));
        String cursor = first.extract().path("nextCursor");
        TestPosts.comment(author, post, "late", null);
        author.request().queryParam("cursor", cursor).queryParam("limit", 3).get("/posts/" + post + "/comments")
                .then().body("items.text", contains("c3", "c4", "late")).body("nextCursor", nullValue());
    }

    @Test
    void deleting_a_comment_takes_its_replies_and_the_counts_follow() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long post = TestPosts.publishId(author);
        long top = TestPosts.comment(fan, post, "top", null);
        long reply = TestPosts.comment(author, post, "reply", top);
        TestPosts.comment(fan, post, "another reply", top);
        long other = TestPosts.comment(fan, post, "other", null);

        author.request().delete("/comments/" + reply).then().statusCode(204);
        author.request().get("/posts/" + post + "/comments").then().body("items[0].replyCount", equalTo(1));
        author.request().get("/posts/" + post).then().body("commentCount", equalTo(3));

        fan.request().delete("/comments/" + top).then().statusCode(204);
        author.request().get("/posts/" + post).then().body("commentCount", equalTo(1));
        author.request().get("/comments/" + top + "/replies").then().statusCode(404);
        assertThat(queryValue("select count(*) from comments where post_id = ?", post)).isEqualTo(1L);
        author.request().get("/posts/" + post + "/comments").then().body("items.id", contains((int) other));
    }

    @Test
    void only_the_comments_author_or_the_posts_author_may_delete_it() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestUser stranger = TestUsers.create();
        long post = TestPosts.publishId(author);
        long first = TestPosts.comment(fan, post, "one", null);
        long second = TestPosts.comment(fan, post, "two", null);

        stranger.request().delete("/comments/" + first).then().statusCode(403)
                .contentType("application/problem+json");
        author.request().delete("/comments/" + first).then().statusCode(204);
        fan.request().delete("/comments/" + second).then().statusCode(204);
        fan.request().delete("/comments/" + second).then().statusCode(404);
        assertThat(queryValue("select comment_count from posts where id = ?", post)).isEqualTo(0);
    }

    @Test
    void comments_of_a_post_the_caller_may_not_see_are_404_everywhere() {
        TestUser author = TestUsers.create();
        TestUser follower = TestUsers.create();
        TestUser stranger = TestUsers.create();
        long post = TestPosts.publishId(author);
        long comment = TestPosts.comment(follower, post, "hi", null);
        TestPosts.follow(follower, author);
        TestPosts.makePrivate(author);

        follower.request().get("/posts/" + post + "/comments").then().statusCode(200);
        stranger.request().get("/posts/" + post + "/comments").then().statusCode(404);
        stranger.request().body(Map.of("text", "x")).post("/posts/" + post + "/comments").then().statusCode(404);
        stranger.request().get("/comments/" + comment).then().statusCode(404);
        stranger.request().get("/comments/" + comment + "/replies").then().statusCode(404);
        stranger.request().delete("/comments/" + comment).then().statusCode(404);

        TestPosts.block(author, follower);
        follower.request().get("/posts/" + post + "/comments").then().statusCode(404);
        follower.request().delete("/comments/" + comment).then().statusCode(404);
        assertThat(queryValue("select count(*) from comments where post_id = ?", post)).isEqualTo(1L);
    }

    @Test
    void comments_by_an_account_blocked_either_way_are_left_out() {
        TestUser author = TestUsers.create();
        TestUser reader = TestUsers.create();
        TestUser troll = TestUsers.create();
        long post = TestPosts.publishId(author);
        long kind = TestPosts.comment(author, post, "welcome", null);
        long rude = TestPosts.comment(troll, post, "rude", null);
        TestPosts.comment(troll, post, "rude reply", kind);
        TestPosts.block(reader, troll);

        reader.request().get("/posts/" + post + "/comments").then().body("items.id", contains((int) kind));
        reader.request().get("/comments/" + kind + "/replies").then().body("items.size()", equalTo(0));
        reader.request().get("/comments/" + rude).then().statusCode(404);
        reader.request().body(Map.of("text", "re", "parentId", rude)).post("/posts/" + post + "/comments").then()
                .statusCode(400).body("errors[0].field", equalTo("parentId"));
        author.request().get("/posts/" + post + "/comments").then().body("items.id", contains((int) kind, (int) rude));
    }

    @Test
    void counts_stay_exact_while_comments_replies_and_deletions_race() throws Exception {
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        List<TestUser> fans = new ArrayList<>();
        List<Long> threads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestUser fan = TestUsers.create();
            fans.add(fan);
            threads.add(TestPosts.comment(fan, post, "thread " + i, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < fans.size(); i++) {
                    TestUser fan = fans.get(i);
                    long own = threads.get(i);
                    long thread = threads.get((i + round) % threads.size());
                    boolean delete = round == 5 && i % 3 == 0;
                    calls.add(pool.submit(() -> delete
                            ? fan.request().delete("/comments/" + own).then()
                                .statusCode(204)
                            : fan.request().body(Map.of("text", "re", "parentId", thread))
                                .post("/posts/" + post + "/comments").then().statusCode(anyOf(is(201), is(400)))));
                    calls.add(pool.submit(() -> fan.request().body(Map.of("text", "top"))
                            .post("/posts/" + post + "/comments").then().statusCode(201)));
                }
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        long rows = (Long) queryValue("select count(*) from comments where post_id = ?", post);
        assertThat(queryValue("select comment_count from posts where id = ?", post)).isEqualTo((int) rows);
        assertThat(queryValue("""
                select count(*) from comments t where t.post_id = ? and t.parent_id is null
                and t.reply_count <> (select count(*) from comments r where r.parent_id = t.id)""", post))
                .isEqualTo(0L);
        author.request().get("/posts/" + post).then().body("commentCount", equalTo((int) rows));
    }

    @Test
    void bad_comments_are_refused_with_the_field_and_nothing_is_stored() {
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        long elsewhere = TestPosts.comment(author, TestPosts.publishId(author), "elsewhere", null);
        String path = "/posts/" + post + "/comments";
        author.request().body(Map.of("text", " ")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
        author.request().body(Map.of("text", "x".repeat(2201))).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
        author.request().body(Map.of("text", "x", "parentId", elsewhere)).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        author.request().body(Map.of("text", "x", "likes", 3)).post(path).then().statusCode(400);
        author.request().body("{}").post("/posts/999999999/comments").then().statusCode(400);
        author.request().body(Map.of("text", "x")).post("/posts/999999999/comments").then().statusCode(404);
        assertThat(queryValue("select count(*) from comments where post_id = ?", post)).isEqualTo(0L);
        assertThat(queryValue("select comment_count from posts where id = ?", post)).isEqualTo(0);
    }

    @Test
    void deleting_the_account_removes_its_comments_and_the_replies_under_them() {
        TestUser author = TestUsers.create();
        TestUser leaving = TestUsers.create();
        long post = TestPosts.publishId(author);
        long theirs = TestPosts.comment(leaving, post, "bye", null);
        TestPosts.comment(author, post, "reply to a leaver", theirs);
        long mine = TestPosts.comment(author, post, "stays", null);
        TestPosts.comment(leaving, post, "their reply", mine);

        leaving.request().body(Map.of("password", leaving.password())).delete("/users/me").then().statusCode(204);
        author.request().get("/posts/" + post).then().body("commentCount", equalTo(1));
        author.request().get("/posts/" + post + "/comments").then().body("items.id", contains((int) mine))
                .body("items[0].replyCount", equalTo(0));
    }
}
