package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Post uploads: carousels, videos, and nothing left behind when one part is refused. */
@QuarkusTest
class PostMediaTest extends ApiTest {

    static RequestSpecification withMedia(TestUser user, byte[]... files) {
        RequestSpecification request = user.upload();
        for (int i = 0; i < files.length; i++) {
            request = request.multiPart("media", "file" + i + ".bin", files[i], "application/octet-stream");
        }
        return request;
    }

    private long postCount() {
        return ((Number) queryValue("select count(*) from posts")).longValue();
    }

    @Test
    void a_carousel_keeps_its_order_kinds_and_sizes() {
        TestUser user = TestUsers.create();
        ValidatableResponse post = withMedia(user, MediaSamples.jpeg(1600, 800), MediaSamples.resource("clip.mp4"),
                MediaSamples.transparentPng(30, 60))
                .multiPart(new MultiPartSpecBuilder("Paris, été ☀️").controlName("caption").charset("UTF-8").build())
                .post("/posts").then().statusCode(201)
                .header("Location", matchesPattern(".*/posts/\\d+"))
                .body("caption", equalTo("Paris, été ☀️"))
                .body("author.username", equalTo(user.username()))
                .body("media.type", equalTo(List.of("image", "video", "image")))
                .body("media[0].width", equalTo(1080)).body("media[0].height", equalTo(540))
                .body("media[0].url", matchesPattern("/images/[A-Za-z0-9_-]{22}\\.jpg"))
                .body("media[0].thumbnailUrl", matchesPattern("/images/[A-Za-z0-9_-]{22}\\.jpg"))
                .body("media[1].url", matchesPattern("/images/[A-Za-z0-9_-]{22}\\.mp4"))
                .body("media[1].width", equalTo(64)).body("media[1].height", equalTo(48))
                .body("media[1].durationSeconds", equalTo(1.0f))
                .body("media[2].url", matchesPattern(".*\\.png"))
                .body("likeCount", equalTo(0)).body("likedByMe", equalTo(false)).body("editedAt", nullValue());
        String thumb = post.extract().path("media[0].thumbnailUrl");
        assertThat(MediaSamples.decode(given().get(thumb).then().statusCode(200).extract().asByteArray()).getWidth())
                .isEqualTo(320);
        user.request().get("/users/me").then().body("postsCount", equalTo(1));
    }

    @Test
    void an_mp4_is_served_as_video_with_ranges_a_thumbnail_and_no_location() {
        TestUser user = TestUsers.create();
        byte[] clip = MediaSamples.resource("clip.mp4");
        assertThat(new String(clip, StandardCharsets.ISO_8859_1)).as("the fixture has a location").contains("+48.8584");
        ValidatableResponse post = withMedia(user, clip).post("/posts").then().statusCode(201)
                .body("media[0].thumbnailUrl", notNullValue());
        String url = post.extract().path("media[0].url");
        byte[] served = given().get(url).then().statusCode(200).contentType("video/mp4")
                .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("+48.8584");
        given().header("Range", "bytes=100-199").get(url).then().statusCode(206)
                .header("Content-Range", "bytes 100-199/" + served.length);
        String thumb = post.extract().path("media[0].thumbnailUrl");
        assertThat(MediaSamples.decode(given().get(thumb).then().statusCode(200).extract().asByteArray()).getWidth())
                .isEqualTo(64);
    }

    @Test
    void a_quicktime_movie_loses_its_xyz_location_atom() {
        TestUser user = TestUsers.create();
        byte[] movie = MediaSamples.resource("clip.mov");
        assertThat(new String(movie, StandardCharsets.ISO_8859_1)).contains("\u00A9xyz");
        String url = withMedia(user, movie).post("/posts").then().statusCode(201)
                .body("media[0].url", matchesPattern(".*\\.mov")).extract().path("media[0].url");
        byte[] served = given().get(url).then().statusCode(200).contentType("video/quicktime").extract().asByteArray();
        String text = new String(served, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("\u00A9xyz").doesNotContain("+48.8584");
    }

    @Test
    void a_refused_part_leaves_no_file_and_no_post() {
        TestUser user = TestUsers.create();
        Set<String> before = MediaFolder.files();
        long posts = postCount();
        withMedia(user, MediaSamples.jpeg(50, 50), MediaSamples.resource("clip.mp4"),
                "<html></html>".getBytes(StandardCharsets.UTF_8))
                .post("/posts").then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("media[2]"));
        withMedia(user, MediaSamples.jpeg(50, 50), MediaSamples.truncated(MediaSamples.resource("clip.mp4")))
                .post("/posts").then().statusCode(422).body("detail", containsString("media[1]"));
        withMedia(user, MediaSamples.resource("audio-only.m4a")).post("/posts").then().statusCode(415)
                .body("detail", containsString("no video track"));
        assertThat(MediaFolder.files()).isEqualTo(before);
        assertThat(postCount()).isEqualTo(posts);
        user.request().get("/users/me").then().body("postsCount", equalTo(0));
    }

    @Test
    void eleven_parts_are_too_many_and_none_is_too_few() {
        TestUser user = TestUsers.create();
        byte[][] eleven = new byte[11][];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = MediaSamples.jpeg(8, 8);
        }
        Set<String> before = MediaFolder.files();
        withMedia(user, eleven).post("/posts").then().statusCode(413).contentType("application/problem+json");
        user.upload().multiPart("caption", "only words").post("/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("media"));
        assertThat(MediaFolder.files()).isEqualTo(before);
    }

    @Test
    void a_caption_over_2200_characters_is_refused_before_any_file_is_kept() {
        TestUser user = TestUsers.create();
        Set<String> before = MediaFolder.files();
        withMedia(user, MediaSamples.jpeg(8, 8)).multiPart(new MultiPartSpecBuilder("é".repeat(2201)).controlName("caption").charset("UTF-8").build()).post("/posts").then()
                .statusCode(400).body("errors[0].field", equalTo("caption"));
        assertThat(MediaFolder.files()).isEqualTo(before);
    }

    @Test
    void a_database_failure_while_saving_the_post_removes_its_files() {
        TestUser user = TestUsers.create();
        execute("""
                create function refuse_media() returns trigger language plpgsql as
                $$ begin raise exception 'simulated database failure'; end $$""");
        execute("create trigger refuse_media before insert on post_media for each row execute function refuse_media()");
        try {
            Set<String> before = MediaFolder.files();
            long posts = postCount();
            withMedia(user, MediaSamples.jpeg(40, 40), MediaSamples.resource("clip.mp4")).post("/posts").then()
                    .statusCode(500);
            assertThat(MediaFolder.files()).isEqualTo(before);
            assertThat(postCount()).isEqualTo(posts);
        } finally {
            execute("drop trigger refuse_media on post_media");
            execute("drop function refuse_media()");
        }
    }
}
