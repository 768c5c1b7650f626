package app.shutter.media;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** BlurHash placeholders: computed at upload for images and video thumbnails, backfilled for older rows. */
@QuarkusTest
class PlaceholderTest extends ApiTest {

    private static final String BASE83 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    @Inject
    PlaceholderBackfill backfill;

    private static int base83(String text) {
        int value = 0;
        for (char c : text.toCharArray()) {
            value = value * 83 + BASE83.indexOf(c);
        }
        return value;
    }

    /**
     * Reads what a client's decoder paints: the average colour (DC) and the sign of the first horizontal
     * component per channel (positive: that channel is stronger on the left).
     */
    private static void assertRedLeftBlueRight(String hash) {
        int components = base83(hash.substring(0, 1));
        assertThat(components % 9 + 1).as("components along x").isEqualTo(4);
        assertThat(components / 9 + 1).as("components along y").isEqualTo(3);
        assertThat(hash).hasSize(4 + 2 * 4 * 3);
        int dc = base83(hash.substring(2, 6));
        int red = dc >> 16;
        int green = (dc >> 8) & 0xFF;
        int blue = dc & 0xFF;
        assertThat(red).as("average red").isBetween(150, 215);
        assertThat(blue).as("average blue").isBetween(150, 215);
        assertThat(green).as("average green").isLessThan(40);
        int firstAc = base83(hash.substring(6, 8)); // the component (1, 0): left against right
        assertThat(firstAc / (19 * 19)).as("red leans left").isGreaterThan(9);
        assertThat(firstAc % 19).as("blue leans right").isLessThan(9);
    }

    @Test
    void an_uploaded_photo_carries_a_blurhash_that_paints_its_colours_where_they_are() {
        TestUser user = TestUsers.create();
        JsonPath post = user.upload().multiPart("media", "a.jpg", MediaSamples.jpeg(400, 300), "image/jpeg")
                .post("/posts").then().statusCode(201).extract().jsonPath();
        assertRedLeftBlueRight(post.getString("media[0].blurhash"));
        user.request().get("/posts/" + post.getLong("id")).then()
                .body("media[0].blurhash", equalTo(post.getString("media[0].blurhash")));

        String storyHash = user.upload().multiPart("media", "s.jpg", MediaSamples.jpeg(300, 400), "image/jpeg")
                .post("/stories").then().statusCode(201).extract().path("media.blurhash");
        assertThat(base83(storyHash.substring(0, 1))).as("portrait: 3 across, 4 down").isEqualTo(2 + 3 * 9);
    }

    @Test
    void a_video_gets_the_blurhash_of_its_thumbnail() {
        TestUser user = TestUsers.create();
        String hash = user.upload().multiPart("media", "c.mp4", MediaSamples.resource("clip.mp4"), "video/mp4")
                .post("/posts").then().statusCode(201).extract().path("media[0].blurhash");
        assertThat(hash).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void the_backfill_computes_what_older_rows_lack_and_gives_up_quietly_on_missing_files() {
        TestUser user = TestUsers.create();
        JsonPath post = user.upload().multiPart("media", "a.jpg", MediaSamples.jpeg(400, 300), "image/jpeg")
                .multiPart("media", "b.jpg", MediaSamples.jpeg(100, 100), "image/jpeg")
                .post("/posts").then().statusCode(201).extract().jsonPath();
        long id = post.getLong("id");
        execute("update post_media set blurhash = null where post_id = ?", id);
        execute("update post_media set file = 'Zm9yZ290dGVuLWZpbGUtbmFtZQ.jpg', thumbnail_file = 'Zm9yZ290dGVuLWZpbGUtbmFtZQ.jpg'"
                + " where post_id = ? and position = 1", id);
        user.request().get("/posts/" + id).then().body("media[0].blurhash", nullValue());

        assertThat(backfill.run(1)).as("a run fills at most its share").isEqualTo(1);
        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);
        // computed from the stored JPEG rather than the pixels before encoding: the same picture, maybe not the
        // same characters
        JsonPath after = user.request().get("/posts/" + id).then().body("media[1].blurhash", nullValue())
                .extract().jsonPath();
        assertRedLeftBlueRight(after.getString("media[0].blurhash"));
        assertThat(queryValue("select blurhash from post_media where post_id = ? and position = 1", id)).isEqualTo("");
        assertThat(backfill.run()).as("nothing left to do").isZero();
    }
}
