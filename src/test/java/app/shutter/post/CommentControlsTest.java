package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Who may comment (everyone, followers, nobody) and the words an author hides from the comments on their posts. */
@QuarkusTest
class CommentControlsTest extends ApiTest {

    private static int comment(TestUser who, long post, String text) {
        return who.request().body(Map.of("text", text)).post("/posts/" + post + "/comments").then().extract()
                .statusCode();
    }

    private static List<String> comments(TestUser viewer, long post) {
        return viewer.request().get("/posts/" + post + "/comments").then().statusCode(200).extract().jsonPath()
                .getList("items.text");
    }

    @Test
    void each_comment_policy_lets_the_right_people_comment_and_keeps_earlier_comments() {
        TestUser author = TestUsers.create();
        TestUser follower = TestUsers.create();
        TestUser stranger = TestUsers.create();
        TestPosts.follow(follower, author);
        long post = TestPosts.carousel(author, 1, "commentPolicy", "followers").post("/posts").then().statusCode(201)
                .body("commentPolicy", equalTo("followers")).extract().jsonPath().getLong("id");
        assertThat(comment(follower, post, "first")).isEqualTo(201);
        stranger.request().body(Map.of("text", "me too")).post("/posts/" + post + "/comments").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("Only accounts that follow " + author.username() + " can comment on this post"));

        author.request().body(Map.of("commentPolicy", "off")).patch("/posts/" + post).then().statusCode(200)
                .body("commentPolicy", equalTo("off")).body("editedAt", org.hamcrest.Matchers.nullValue());
        follower.request().body(Map.of("text", "again")).post("/posts/" + post + "/comments").then().statusCode(403)
                .body("detail", equalTo("Comments are turned off for this post"));
        assertThat(comment(author, post, "the author still can")).isEqualTo(201);
        assertThat(comments(stranger, post)).containsExactly("first", "the author still can");

        author.request().body(Map.of("commentPolicy", "everyone")).patch("/posts/" + post).then().statusCode(200);
        assertThat(comment(stranger, post, "now me")).isEqualTo(201);
        author.request().body(Map.of("commentPolicy", "friends")).patch("/posts/" + post).then().statusCode(400)
                .body("errors[0].field", equalTo("commentPolicy"));
        TestPosts.carousel(author, 1, "commentPolicy", "nobody").post("/posts").then().statusCode(400);
        assertThat(queryValue("select count(*) from comments where post_id = ?", post)).isEqualTo(3L);
    }

    @Test
    void hidden_words_hide_new_and_existing_comments_from_everyone_but_their_author() {
        TestUser author = TestUsers.create();
        TestUser troll = TestUsers.create();
        TestUser reader = TestUsers.create();
        long post = TestPosts.publishId(author);
        assertThat(comment(troll, post, "Buy CHEAP followers at spam-shop")).isEqualTo(201);
        assertThat(comment(reader, post, "lovely light")).isEqualTo(201);
        long parent = TestPosts.comment(reader, post, "a question", null);
        TestPosts.comment(troll, post, "Crème brûlée for everyone", parent);

        author.request().body(Map.of("words", List.of("cheap followers", "creme brulee", "light"))).put(
                "/users/me/hidden-words").then().statusCode(200)
                .body("words", equalTo(List.of("cheap followers", "creme brulee", "light")));
        // existing comments follow the list at once; each author still sees their own
        assertThat(comments(author, post)).containsExactly("a question");
        assertThat(comments(troll, post)).containsExactly("Buy CHEAP followers at spam-shop", "a question");
        assertThat(comments(reader, post)).containsExactly("lovely light", "a question");
        reader.request().get("/comments/" + parent + "/replies").then().body("items.size()", equalTo(0));
        troll.request().get("/comments/" + parent + "/replies").then().body("items.size()", equalTo(1));

        // a new comment is hidden as it is written, and notifies nobody
        long hidden = TestPosts.comment(troll, post, "More cheap   followers here", null);
        reader.request().get("/comments/" + hidden).then().statusCode(404);
        troll.request().get("/comments/" + hidden).then().statusCode(200);
        assertThat(queryValue("select count(*) from notifications where comment_id = ?", hidden)).isEqualTo(0L);
        assertThat(comment(troll, post, "followers are cheap")).isEqualTo(201); // not the phrase
        assertThat(comments(reader, post)).contains("followers are cheap");

        author.request().body(Map.of("words", List.of())).put("/users/me/hidden-words").then().statusCode(200);
        assertThat(comments(reader, post)).contains("Buy CHEAP followers at spam-shop", "lovely light",
                "More cheap   followers here");
    }

    @Test
    void a_hidden_words_list_has_limits() {
        TestUser author = TestUsers.create();
        author.request().body(Map.of("words", java.util.Collections.nCopies(201, "x"))).put("/users/me/hidden-words")
                .then().statusCode(400).body("errors[0].message", containsString("at most 200"));
        author.request().body(Map.of("words", List.of("x".repeat(101)))).put("/users/me/hidden-words").then()
                .statusCode(400);
        author.request().body(Map.of("words", List.of("  "))).put("/users/me/hidden-words").then().statusCode(400);
        author.request().body(Map.of("words", List.of("two\nlines"))).put("/users/me/hidden-words").then()
                .statusCode(400);
        author.request().body("{}").put("/users/me/hidden-words").then().statusCode(400);
        // a lone combining accent folds to nothing: as a pattern it would hide every comment
        author.request().body(Map.of("words", List.of("spam", "\u0301"))).put("/users/me/hidden-words").then()
                .statusCode(400).body("errors[0].field", equalTo("words"));
        author.request().get("/users/me/hidden-words").then().statusCode(200).body("words.size()", equalTo(0));
        TestUsers.anonymous().get("/users/me/hidden-words").then().statusCode(401);
    }
}
