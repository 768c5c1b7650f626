package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PostTest extends ApiTest {

    @Test
    void a_public_post_is_visible_to_others_but_not_across_a_block() {
        TestUser author = TestUsers.create();
        TestUser reader = TestUsers.create();
        long id = TestPosts.publishId(author);
        reader.request().get("/posts/" + id).then().statusCode(200).body("id", equalTo((int) id))
                .body("author.id", equalTo((int) author.id())).body("media[0].type", equalTo("image"));
        TestPosts.block(author, reader);
        reader.request().get("/posts/" + id).then().statusCode(404).contentType("application/problem+json");
        author.request().get("/posts/" + id).then().statusCode(200);
        reader.request().get("/posts/999999999").then().statusCode(404);
    }

    @Test
    void a_private_accounts_post_is_hidden_until_the_follow_is_accepted() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestPosts.makePrivate(author);
        long id = TestPosts.publishId(author);
        fan.request().get("/posts/" + id).then().statusCode(404);
        TestPosts.follow(fan, author);
        fan.request().get("/posts/" + id).then().statusCode(404);
        author.request().post("/follow-requests/" + fan.username() + "/accept").then().statusCode(204);
        fan.request().get("/posts/" + id).then().statusCode(200);
    }

    @Test
    void only_the_author_edits_the_caption() {
        TestUser author = TestUsers.create();
        TestUser stranger = TestUsers.create();
        long id = TestPosts.publishId(author);
        stranger.request().body("{\"caption\":\"mine now\"}").patch("/posts/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        author.request().body("{\"caption\":\"better words\"}").patch("/posts/" + id).then().statusCode(200)
                .body("caption", equalTo("better words")).body("editedAt", notNullValue());
        author.request().body("{\"caption\":null}").patch("/posts/" + id).then().statusCode(200)
                .body("caption", nullValue());
        author.request().body("{\"caption\":\"" + "x".repeat(2201) + "\"}").patch("/posts/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("caption"));
        author.request().body("{\"likeCount\":99}").patch("/posts/" + id).then().statusCode(400);
        TestPosts.block(author, stranger);
        stranger.request().body("{\"caption\":\"x\"}").patch("/posts/" + id).then().statusCode(404);
    }

    @Test
    void deleting_a_post_removes_it_its_files_likes_saves_and_count() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        ValidatableResponse created = TestPosts.publish(author, "bye soon");
        long id = created.extract().jsonPath().getLong("id");
        List<String> urls = List.of(created.extract().path("media[0].url"), created.extract().path("media[0].thumbnailUrl"));
        fan.request().post("/posts/" + id + "/like").then().statusCode(200);
        fan.request().post("/posts/" + id + "/save").then().statusCode(204);

        fan.request().delete("/posts/" + id).then().statusCode(403);
        author.request().delete("/posts/" + id).then().statusCode(204);

        fan.request().get("/posts/" + id).then().statusCode(404);
        author.request().delete("/posts/" + id).then().statusCode(404);
        urls.forEach(url -> assertThat(MediaFolder.contains(url)).as(url).isFalse());
        assertThat(queryValue("select count(*) from post_likes where post_id = ?", id)).isEqualTo(0L);
        assertThat(queryValue("select count(*) from saved_posts where post_id = ?", id)).isEqualTo(0L);
        assertThat(queryValue("select count(*) from post_media where post_id = ?", id)).isEqualTo(0L);
        author.request().get("/users/me").then().body("postsCount", equalTo(0));
        fan.request().get("/users/me/saved").then().body("items.size()", equalTo(0));
    }

    @Test
    void deleting_the_account_removes_its_posts_files_and_likes() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long theirs = TestPosts.publishId(author);
        ValidatableResponse own = TestPosts.publish(fan, "mine");
        String url = own.extract().path("media[0].url");
        fan.request().post("/posts/" + theirs + "/like").then().statusCode(200);
        fan.request().body("{\"password\":\"" + fan.password() + "\"}").delete("/users/me").then().statusCode(204);
        assertThat(MediaFolder.contains(url)).isFalse();
        author.request().get("/posts/" + theirs).then().body("likeCount", equalTo(0));
        author.request().get("/posts/" + own.extract().jsonPath().getLong("id")).then().statusCode(404);
    }

    @Test
    void posts_need_a_token() {
        TestUsers.anonymous().get("/posts/1").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        TestUsers.anonymous().get("/feed").then().statusCode(401);
    }
}
