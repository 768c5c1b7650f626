package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CommentLikeTest extends ApiTest {

    @Test
    void liking_a_reply_counts_once_notifies_its_author_and_unliking_takes_both_back() {
        TestUser author = TestUsers.create();
        TestUser commenter = TestUsers.create();
        TestUser fan = TestUsers.create();
        long post = TestPosts.publishId(author);
        long comment = TestPosts.comment(commenter, post, "first!", null);
        long reply = TestPosts.comment(commenter, post, "and a reply", comment);

        fan.request().post("/comments/" + reply + "/like").then().statusCode(200)
                .body("likeCount", equalTo(1)).body("likedByMe", equalTo(true));
        fan.request().post("/comments/" + reply + "/like").then().statusCode(200).body("likeCount", equalTo(1));
        fan.request().get("/comments/" + reply).then().body("likeCount", equalTo(1)).body("likedByMe", equalTo(true));
        author.request().get("/comments/" + reply).then().body("likeCount", equalTo(1)).body("likedByMe", equalTo(false));
        fan.request().get("/comments/" + comment + "/replies").then().body("items[0].likedByMe", equalTo(true));
        fan.request().get("/posts/" + post + "/comments").then().body("items[0].likeCount", equalTo(0));
        fan.request().get("/comments/" + reply + "/likes").then().statusCode(200)
                .body("items.username", contains(fan.username())).body("nextCursor", nullValue());

        commenter.request().get("/notifications").then()
                .body("items.type", contains("comment_like"))
                .body("items[0].actor.username", equalTo(fan.username()))
                .body("items[0].comment.id", equalTo((int) reply)).body("items[0].post.id", equalTo((int) post));

        fan.request().delete("/comments/" + reply + "/like").then().statusCode(200)
                .body("likeCount", equalTo(0)).body("likedByMe", equalTo(false));
        fan.request().delete("/comments/" + reply + "/like").then().statusCode(200).body("likeCount", equalTo(0));
        commenter.request().get("/notifications").then().body("items.size()", equalTo(0));
    }

    @Test
    void comments_one_may_not_see_cannot_be_liked_or_their_likers_read() {
        TestUser author = TestUsers.create();
        TestUser commenter = TestUsers.create();
        TestUser blocked = TestUsers.create();
        TestUser outsider = TestUsers.create();
        long post = TestPosts.publishId(author);
        long comment = TestPosts.comment(commenter, post, "hello", null);
        TestPosts.block(author, blocked);
        TestPosts.makePrivate(author);

        for (TestUser stranger : List.of(blocked, outsider)) {
            stranger.request().post("/comments/" + comment + "/like").then().statusCode(404)
                    .contentType("application/problem+json");
            stranger.request().delete("/comments/" + comment + "/like").then().statusCode(404);
            stranger.request().get("/comments/" + comment + "/likes").then().statusCode(404);
        }
        author.request().post("/comments/999999999/like").then().statusCode(404);
        TestUsers.anonymous().post("/comments/" + comment + "/like").then().statusCode(401);
        assertThat(queryValue("select count(*) from comment_likes where comment_id = ?", comment)).isEqualTo(0L);

        // the post's author (who sees everything on their post) may like it; the commenter then blocks them
        author.request().post("/comments/" + comment + "/like").then().statusCode(200);
        TestPosts.block(commenter, author);
        author.request().get("/comments/" + comment + "/likes").then().statusCode(404);
    }

    @Test
    void like_count_of_a_comment_stays_exact_under_parallel_likes_and_unlikes() throws Exception {
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        long comment = TestPosts.comment(author, post, "like me", null);
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            fans.add(TestUsers.create());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                for (int i = 0; i < fans.size(); i++) {
                    TestUser fan = fans.get(i);
                    boolean like = (round + i) % 3 != 0;
                    calls.add(pool.submit(() -> {
                        var request = fan.request();
                        (like ? request.post("/comments/" + comment + "/like")
                                : request.delete("/comments/" + comment + "/like")).then().statusCode(200);
                    }));
                }
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        long rows = (Long) queryValue("select count(*) from comment_likes where comment_id = ?", comment);
        assertThat(rows).isPositive();
        author.request().get("/comments/" + comment).then().body("likeCount", equalTo((int) rows));
        assertThat(queryValue("select count(*) from notifications where comment_id = ? and type = 'comment_like'",
                comment)).isEqualTo(rows);
    }

    @Test
    void a_deleted_account_takes_its_comment_likes_and_the_counts_follow() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long post = TestPosts.publishId(author);
        long comment = TestPosts.comment(author, post, "bye", null);
        fan.request().post("/comments/" + comment + "/like").then().statusCode(200);
        fan.request().body(java.util.Map.of("password", fan.password())).delete("/users/me").then().statusCode(204);
        author.request().get("/comments/" + comment).then().body("likeCount", equalTo(0));
        assertThat(queryValue("select count(*) from comment_likes where comment_id = ?", comment)).isEqualTo(0L);
    }
}
