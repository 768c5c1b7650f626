package app.shutter.common;

import app.shutter.feed.ExploreRanking;
import app.shutter.support.ApiTest;
import app.shutter.support.Statements;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * SQL statements per request (docs/performance.md lists what this prints): a page costs the same whether it
 * holds one item or twenty (no N+1), and each write a fixed few.
 */
@QuarkusTest
class StatementCountsTest extends ApiTest {

    @Inject
    ExploreRanking ranking;

    private static final int PAGE = 20;

    @Test
    void a_page_of_twenty_costs_what_a_page_of_one_costs_and_each_write_a_fixed_few() {
        TestUser star = TestUsers.create();
        TestUser reader = TestUsers.create();
        List<Long> starPosts = new ArrayList<>();
        for (int i = 0; i < PAGE; i++) {
            starPosts.add(TestPosts.publish(star, "#counted " + i).extract().jsonPath().getLong("id"));
        }
        long post = starPosts.get(0);
        long thanks = TestPosts.comment(star, post, "thanks all", null);
        for (int i = 0; i < PAGE; i++) {
            TestUser fan = TestUsers.create();
            TestPosts.follow(fan, star);
            TestPosts.follow(reader, fan);
            fan.request().post("/posts/" + post + "/like").then().statusCode(200);
            fan.request().post("/comments/" + thanks + "/like").then().statusCode(200);
            star.request().put("/users/" + fan.username() + "/close-friend").then().statusCode(204);
            TestPosts.comment(fan, post, "nice " + i, null);
        }

        Map<String, String> pages = Map.of(
                "followers", "/users/" + star.username() + "/followers",
                "following", "/users/" + reader.username() + "/following",
                "profile posts", "/users/" + star.username() + "/posts",
                "tag posts", "/tags/counted/posts",
                "comments", "/posts/" + post + "/comments",
                "likers", "/posts/" + post + "/likes",
                "comment likers", "/comments/" + thanks + "/likes",
                "notifications", "/notifications");
        StringBuilder table = new StringBuilder("| Request | Statements |\n| --- | --- |\n");
        pages.forEach((name, path) -> anyPageSize(table, name, star, path));
        // explore and the home feed with a mute folded into their statements (#26): counts unchanged
        TestUser muted = TestUsers.create();
        TestUser followed = TestUsers.create();
        TestPosts.publishId(muted);
        TestPosts.publishId(followed);
        TestPosts.follow(reader, muted);
        TestPosts.follow(reader, followed);
        reader.request().body("{}").put("/users/" + muted.username() + "/mute").then().statusCode(200);
        ranking.refresh(true);
        anyPageSize(table, "explore (with a mute)", reader, "/explore");
        // a reader following two accounts: the walk (too few followees: nothing), the merge, the media
        single(table, "GET home feed (with a mute)", 3, () -> reader.request().get("/feed").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0)));
        single(table, "GET profile", 3, () -> reader.request().get("/users/" + star.username()).then().statusCode(200));
        single(table, "GET post", 3, () -> reader.request().get("/posts/" + post).then().statusCode(200));
        for (int i = 0; i < 3; i++) {
            long pinnedPost = starPosts.get(i);
            write(table, "pin", 6, () -> star.request().post("/posts/" + pinnedPost + "/pin").then().statusCode(204));
        }
        single(table, "GET pinned posts (three)", 4, () -> reader.request().get("/users/" + star.username()
                + "/pinned").then().statusCode(200).body("items.size()", equalTo(3)));
        single(table, "GET profile by id", 3, () -> reader.request().get("/users/by-id/" + star.id()).then()
                .statusCode(200));

        long target = starPosts.get(1);
        write(table, "like (with the account's hourly count)", 5, () -> reader.request()
                .post("/posts/" + target + "/like").then().statusCode(200));
        write(table, "like a comment (with the hourly count)", 5, () -> reader.request()
                .post("/comments/" + thanks + "/like").then().statusCode(200));
        anyPageSize(table, "close friends", star, "/users/me/close-friends");
        write(table, "unlike", 3, () -> reader.request().delete("/posts/" + target + "/like").then().statusCode(200));
        write(table, "comment with a mention (with the hourly count)", 9, () -> reader.request()
                .body(Map.of("text", "hello @" + star.username()))
                .post("/posts/" + target + "/comments").then().statusCode(201));
        write(table, "follow (with the hourly count)", 7, () -> reader.request()
                .post("/users/" + star.username() + "/follow").then()
                .statusCode(200));
        write(table, "unfollow", 6, () -> reader.request().delete("/users/" + star.username() + "/follow").then()
                .statusCode(204));
        write(table, "edit a caption (tags and mentions again)", 12, () -> star.request()
                .body(Map.of("caption", "edited #counted")).patch("/posts/" + post).then().statusCode(200));
        for (int i = 1; i < PAGE; i++) {
            star.request().body(Map.of("caption", "edited #counted " + i)).patch("/posts/" + post).then().statusCode(200);
        }
        write(table, "edit alt texts", 8, () -> star.request().body("{\"altTexts\": [\"edited\"]}")
                .patch("/posts/" + post).then().statusCode(200));
        anyPageSize(table, "post history", reader, "/posts/" + post + "/history");
        write(table, "archive", 4, () -> star.request().post("/posts/" + post + "/archive").then().statusCode(204));
        for (long archived : starPosts.subList(1, PAGE)) {
            star.request().post("/posts/" + archived + "/archive").then().statusCode(204);
        }
        anyPageSize(table, "archive", star, "/users/me/archive");
        System.out.println("SQL statements per request (Hibernate statistics):\n" + table);
    }

    /** A list costs the same few statements for a page of one and a page of twenty. */
    private void anyPageSize(StringBuilder table, String name, TestUser user, String path) {
        long one = statements(() -> user.request().get(path + "?limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1)));
        long twenty = statements(() -> user.request().get(path + "?limit=" + PAGE).then().statusCode(200)
                .body("items.size()", equalTo(PAGE)));
        assertThat(twenty).as(name + ": a page of twenty against a page of one").isEqualTo(one);
        assertThat(twenty).as(name).isBetween(1L, 4L);
        table.append("| GET ").append(name).append(" (any page size) | ").append(twenty).append(" |\n");
    }

    private void single(StringBuilder table, String name, long bound, Supplier<ValidatableResponse> request) {
        long count = statements(request);
        assertThat(count).as(name).isBetween(1L, bound);
        table.append("| ").append(name).append(" | ").append(count).append(" |\n");
    }

    private void write(StringBuilder table, String name, long bound, Supplier<ValidatableResponse> request) {
        long count = Statements.during(request::get);
        assertThat(count).as(name).isBetween(1L, bound);
        table.append("| ").append(name).append(" | ").append(count).append(" |\n");
    }

    /** The second of two identical requests: the first warms what is cached per token or per query. */
    private long statements(Supplier<ValidatableResponse> request) {
        request.get();
        return Statements.during(request::get);
    }
}
