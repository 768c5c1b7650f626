package app.shutter.media;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The media folder made unwritable (replaced by a plain file: the tests run as root, whom permissions do
 * not stop): uploads fail with 503 and store nothing, everything else keeps working.
 */
@QuarkusTest
class MediaStoreFailureTest extends ApiTest {

    private static final Path AWAY = Path.of("target/test-images-away");

    @BeforeEach
    void breakTheFolder() throws IOException {
        Files.createDirectories(MediaFolder.DIRECTORY);
        Files.move(MediaFolder.DIRECTORY, AWAY, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(MediaFolder.DIRECTORY, "not a folder");
    }

    @AfterEach
    void repairTheFolder() throws IOException {
        Files.delete(MediaFolder.DIRECTORY);
        Files.move(AWAY, MediaFolder.DIRECTORY);
    }

    @Test
    void a_post_upload_into_an_unwritable_folder_is_a_503_and_writes_no_row() {
        TestUser ana = TestUsers.create();
        TestPosts.attempt(ana, "no disk").statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30").body("detail", equalTo(
                        "The media store cannot be written right now; nothing was stored"));
        ana.request().get("/users/" + ana.username() + "/posts").then().statusCode(200).body("items.size()", equalTo(0));
        assertNoRows("posts", ana);
        assertNoRows("post_media", ana);
    }

    @Test
    void a_story_and_an_avatar_fail_the_same_way_while_the_rest_of_the_api_works() {
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        ana.upload().multiPart("media", "s.jpg", MediaSamples.jpeg(32, 48), "image/jpeg")
                .post("/stories").then().statusCode(503).contentType("application/problem+json");
        AvatarUploadTest.upload(ana, "me.jpg", MediaSamples.jpeg(64, 64), "image/jpeg")
                .statusCode(503);
        ana.request().get("/users/me").then().statusCode(200).body("avatarUrl", equalTo(null));
        TestPosts.follow(bob, ana);
        bob.request().get("/feed").then().statusCode(200);
        assertNoRows("stories", ana);
    }

    private void assertNoRows(String table, TestUser author) {
        String sql = table.equals("post_media")
                ? "select count(*) from post_media m join posts p on p.id = m.post_id where p.author_id = ?"
                : "select count(*) from " + table + " where author_id = ?";
        assertThat((Long) queryValue(sql, author.id())).isZero();
    }
}
