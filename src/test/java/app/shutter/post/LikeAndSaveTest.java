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

@QuarkusTest
class LikeAndSaveTest extends ApiTest {

    @Test
    void liking_twice_keeps_one_like_and_unliking_twice_keeps_none() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long id = TestPosts.publishId(author);
        for (int i = 0; i < 2; i++) {
            fan.request().post("/posts/" + id + "/like").then().statusCode(200)
                    .body("likeCount", equalTo(1)).body("likedByMe", equalTo(true));
        }
        fan.request().get("/posts/" + id).then().body("likedByMe", equalTo(true)).body("likeCount", equalTo(1));
        author.request().get("/posts/" + id).then().body("likedByMe", equalTo(false));
        author.request().get("/posts/" + id + "/likes").then().statusCode(200)
                .body("items.username", contains(fan.username()));
        for (int i = 0; i < 2; i++) {
            fan.request().delete("/posts/" + id + "/like").then().statusCode(200)
                    .body("likeCount", equalTo(0)).body("likedByMe", equalTo(false));
        }
    }

    @Test
    void likes_saves_and_likers_of_a_hidden_post_are_404() {
        TestUser author = TestUsers.create();
        TestUser stranger = TestUsers.create();
        TestPosts.makePrivate(author);
        long id = TestPosts.publishId(author);
        stranger.request().post("/posts/" + id + "/like").then().statusCode(404);
        stranger.request().get("/posts/" + id + "/likes").then().statusCode(404);
        stranger.request().post("/posts/" + id + "/save").then().statusCode(404);
        assertThat(queryValue("select count(*) from post_likes where post_id = ?", id)).isEqualTo(0L);
    }

    @Test
    void like_count_stays_exact_under_hundreds_of_parallel_likes_and_unlikes() throws Exception {
        TestUser author = TestUsers.create();
        long id = TestPosts.publishId(author);
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fans.add(TestUsers.create());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (int i = 0; i < fans.size(); i++) {
                    TestUser fan = fans.get(i);
                    boolean like = (round + i) % 3 != 0;
                    calls.add(pool.submit(() -> {
                        var request = fan.request();
                        (like ? request.post("/posts/" + id + "/like") : request.delete("/posts/" + id + "/like"))
                                .then().statusCode(200);
                    }));
                }
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        long rows = (Long) queryValue("select count(*) from post_likes where post_id = ?", id);
        Integer counter = (Integer) queryValue("select like_count from posts where id = ?", id);
        assertThat(counter.longValue()).isEqualTo(rows);
        author.request().get("/posts/" + id).then().body("likeCount", equalTo((int) rows));
    }

    @Test
    void saved_posts_list_newest_save_first_and_hide_what_became_invisible() {
        TestUser reader = TestUsers.create();
        TestUser first = TestUsers.create();
        TestUser second = TestUsers.create();
        long a = TestPosts.publishId(first);
        long b = TestPosts.publishId(second);
        reader.request().post("/posts/" + a + "/save").then().statusCode(204);
        reader.request().post("/posts/" + b + "/save").then().statusCode(204);
        reader.request().post("/posts/" + b + "/save").then().statusCode(204);
        reader.request().get("/users/me/saved").then().statusCode(200)
                .body("items.id", contains((int) b, (int) a)).body("items[0].savedByMe", equalTo(true));
        reader.request().get("/users/me/saved?limit=1").then().body("items.id", contains((int) b))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        TestPosts.block(second, reader);
        reader.request().get("/users/me/saved").then().body("items.id", contains((int) a));
        reader.request().delete("/posts/" + a + "/save").then().statusCode(204);
        reader.request().delete("/posts/" + a + "/save").then().statusCode(204);
        reader.request().get("/users/me/saved").then().body("items.size()", equalTo(0));
    }
}
