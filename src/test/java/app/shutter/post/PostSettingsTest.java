package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Content warnings and hidden like counts: set on creation, changed by PATCH, seen as the author decides. */
@QuarkusTest
class PostSettingsTest extends ApiTest {

    private static RequestSpecification post(TestUser author, Map<String, String> parts) {
        return TestPosts.carousel(author, 1, parts.entrySet().stream()
                .flatMap(part -> Stream.of(part.getKey(), part.getValue())).toArray(String[]::new));
    }

    @Test
    void a_content_warning_marks_the_post_sensitive_for_everyone_who_sees_it() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestPosts.follow(fan, author);
        long id = post(author, Map.of("contentWarning", "Surgery photos")).post("/posts").then().statusCode(201)
                .body("sensitive", equalTo(true)).body("contentWarning", equalTo("Surgery photos"))
                .extract().jsonPath().getLong("id");
        fan.request().get("/feed").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.contentWarning", equalTo("Surgery photos"));
        long plain = post(author, Map.of("sensitive", "true")).post("/posts").then().statusCode(201)
                .body("sensitive", equalTo(true)).body("contentWarning", nullValue())
                .extract().jsonPath().getLong("id");
        fan.request().get("/posts/" + plain).then().body("sensitive", equalTo(true));
        TestPosts.publish(author, "nothing to warn about").body("sensitive", equalTo(false))
                .body("contentWarning", nullValue()).body("likeCountHidden", equalTo(false));
    }

    @Test
    void unreadable_settings_are_a_400_that_creates_nothing() {
        TestUser author = TestUsers.create();
        post(author, Map.of("sensitive", "yes")).post("/posts").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("sensitive"));
        post(author, Map.of("sensitive", "false", "contentWarning", "Spiders")).post("/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("contentWarning"));
        post(author, Map.of("contentWarning", "w".repeat(201))).post("/posts").then().statusCode(400)
                .body("errors[0].message", containsString("at most 200"));
        post(author, Map.of("hideLikeCount", "1")).post("/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("hideLikeCount"));
        assertThat(queryValue("select count(*) from posts where author_id = ?", author.id())).isEqualTo(0L);
    }

    @Test
    void a_hidden_like_count_is_for_the_author_alone_in_every_answer() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestPosts.follow(fan, author);
        long id = post(author, Map.of("hideLikeCount", "true")).post("/posts").then().statusCode(201)
                .body("likeCountHidden", equalTo(true)).body("likeCount", equalTo(0))
                .extract().jsonPath().getLong("id");

        fan.request().post("/posts/" + id + "/like").then().statusCode(200)
                .body("likeCount", nullValue()).body("likedByMe", equalTo(true));
        fan.request().get("/posts/" + id).then().body("likeCount", nullValue()).body("likedByMe", equalTo(true));
        fan.request().get("/feed").then().body("items.find { it.id == " + id + " }.likeCount", nullValue());
        fan.request().get("/posts/" + id + "/likes").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        fan.request().delete("/posts/" + id + "/like").then().statusCode(200).body("likeCount", nullValue());
        fan.request().post("/posts/" + id + "/like").then().statusCode(200);

        author.request().get("/posts/" + id).then().body("likeCount", equalTo(1));
        author.request().get("/posts/" + id + "/likes").then().statusCode(200)
                .body("items[0].username", equalTo(fan.username()));

        author.request().body(Map.of("hideLikeCount", false)).patch("/posts/" + id).then().statusCode(200)
                .body("likeCountHidden", equalTo(false));
        fan.request().get("/posts/" + id).then().body("likeCount", equalTo(1));
        fan.request().get("/posts/" + id + "/likes").then().statusCode(200);
    }

    @Test
    void patch_changes_only_the_fields_it_names() {
        TestUser author = TestUsers.create();
        long id = post(author, Map.of("caption", "Spiders of Borneo", "contentWarning", "Spiders"))
                .post("/posts").then().statusCode(201).extract().jsonPath().getLong("id");

        author.request().body(Map.of("hideLikeCount", true)).patch("/posts/" + id).then().statusCode(200)
                .body("caption", equalTo("Spiders of Borneo")).body("contentWarning", equalTo("Spiders"))
                .body("likeCountHidden", equalTo(true)).body("editedAt", nullValue());
        author.request().body("{\"contentWarning\": null}").patch("/posts/" + id).then().statusCode(200)
                .body("sensitive", equalTo(true)).body("contentWarning", nullValue());
        author.request().body(Map.of("contentWarning", "Big spiders")).patch("/posts/" + id).then()
                .body("sensitive", equalTo(true)).body("contentWarning", equalTo("Big spiders"));
        author.request().body(Map.of("sensitive", false)).patch("/posts/" + id).then().statusCode(200)
                .body("sensitive", equalTo(false)).body("contentWarning", nullValue())
                .body("caption", equalTo("Spiders of Borneo"));
        author.request().body("{\"sensitive\": null}").patch("/posts/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("sensitive"));
        author.request().body(Map.of("sensitive", false, "contentWarning", "x")).patch("/posts/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("contentWarning"));
        assertThat(queryValue("select sensitive from posts where id = ?", id)).isEqualTo(false);

        TestUser stranger = TestUsers.create();
        stranger.request().body(Map.of("hideLikeCount", true)).patch("/posts/" + id).then().statusCode(403);
    }
}
