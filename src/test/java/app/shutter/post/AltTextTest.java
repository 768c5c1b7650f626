package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Alt text per media item of posts and stories: stored with the item, returned wherever the item is. */
@QuarkusTest
class AltTextTest extends ApiTest {

    private static RequestSpecification photos(TestUser user, int count, String... altTexts) {
        return TestPosts.carousel(user, count, Arrays.stream(altTexts).flatMap(text -> Stream.of("altText", text))
                .toArray(String[]::new));
    }

    @Test
    void each_item_of_a_carousel_keeps_its_own_alt_text_in_the_post_and_the_feed() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestPosts.follow(fan, author);
        long id = photos(author, 3, "A red kite over the dunes", "", "Grandmother's hands, flour on them ✋")
                .post("/posts").then().statusCode(201)
                .body("media[0].altText", equalTo("A red kite over the dunes"))
                .body("media[1].altText", nullValue())
                .body("media[2].altText", equalTo("Grandmother's hands, flour on them ✋"))
                .extract().jsonPath().getLong("id");

        fan.request().get("/posts/" + id).then().statusCode(200)
                .body("media.altText", equalTo(Arrays.asList("A red kite over the dunes", null,
                        "Grandmother's hands, flour on them ✋")));
        fan.request().get("/feed").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.media[0].altText", equalTo("A red kite over the dunes"));
        assertThat(queryValue("select alt_text from post_media where post_id = ? and position = 2", id))
                .isEqualTo("Grandmother's hands, flour on them ✋");
    }

    @Test
    void fewer_alt_texts_than_items_leave_the_rest_without_and_none_at_all_is_fine() {
        TestUser author = TestUsers.create();
        photos(author, 2, "Only the first").post("/posts").then().statusCode(201)
                .body("media[0].altText", equalTo("Only the first")).body("media[1].altText", nullValue());
        photos(author, 1).post("/posts").then().statusCode(201).body("media[0].altText", nullValue());
    }

    @Test
    void too_many_or_too_long_alt_texts_are_a_400_that_stores_nothing() {
        TestUser author = TestUsers.create();
        Set<String> filesBefore = MediaFolder.files();
        photos(author, 1, "one", "two").post("/posts").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("altText"))
                .body("errors[0].message", containsString("2 alt texts for 1 media items"));
        photos(author, 2, "fine", "x".repeat(1001)).post("/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("altText"))
                .body("errors[0].message", containsString("at most 1000 characters (item 2)"));
        assertThat(queryValue("select count(*) from posts where author_id = ?", author.id())).isEqualTo(0L);
        assertThat(MediaFolder.files()).isEqualTo(filesBefore);
        photos(author, 1, "y".repeat(1000)).post("/posts").then().statusCode(201);
    }

    @Test
    void the_author_rewrites_the_alt_texts_one_per_item_and_the_post_shows_it_was_edited() {
        TestUser author = TestUsers.create();
        long id = photos(author, 2, "first draft").post("/posts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        author.request().body(Map.of("altTexts", Arrays.asList(null, "A harbour at dusk")))
                .patch("/posts/" + id).then().statusCode(200)
                .body("media.altText", equalTo(Arrays.asList(null, "A harbour at dusk")))
                .body("editedAt", notNullValue());
        author.request().body(Map.of("altTexts", List.of("only one"))).patch("/posts/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("altTexts"))
                .body("errors[0].message", containsString("one alt text per media item (2)"));
        author.request().body(Map.of("altTexts", List.of("ok", "z".repeat(1001))))
                .patch("/posts/" + id).then().statusCode(400).body("errors[0].field", equalTo("altTexts"));
        author.request().body(Map.of("caption", "words")).patch("/posts/" + id).then().statusCode(200)
                .body("media[1].altText", equalTo("A harbour at dusk"));
        TestUser stranger = TestUsers.create();
        stranger.request().body(Map.of("altTexts", List.of("x", "y"))).patch("/posts/" + id)
                .then().statusCode(403);
        assertThat(queryValue("select alt_text from post_media where post_id = ? and position = 1", id))
                .isEqualTo("A harbour at dusk");
    }

    @Test
    void a_story_takes_one_alt_text_that_its_viewers_get() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestPosts.follow(fan, author);
        long story = author.upload().multiPart("media", "s.jpg", MediaSamples.jpeg(40, 70), "image/jpeg")
                .multiPart(new MultiPartSpecBuilder("Sunrise from the ferry").controlName("altText").build())
                .post("/stories").then().statusCode(201).body("media.altText", equalTo("Sunrise from the ferry"))
                .extract().jsonPath().getLong("id");
        fan.request().get("/stories/" + story).then().statusCode(200)
                .body("media.altText", equalTo("Sunrise from the ferry"));
        author.upload().multiPart("media", "s.jpg", MediaSamples.jpeg(40, 70), "image/jpeg")
                .multiPart(new MultiPartSpecBuilder("a").controlName("altText").build())
                .multiPart(new MultiPartSpecBuilder("b").controlName("altText").build())
                .post("/stories").then().statusCode(400).body("errors[0].field", equalTo("altText"));
    }
}
