package app.shutter.media;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The sweep of stored files that no row points to (a crash between storing and committing leaves them). */
@QuarkusTest
class MediaSweepTest extends ApiTest {

    @Inject
    MediaSweep sweep;

    private static String nameOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** A file as an upload whose transaction never committed leaves it. */
    private static String leftover(String name, Duration age) throws Exception {
        Path file = MediaFolder.directory().resolve(name);
        Files.write(file, MediaSamples.jpeg(8, 8));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return name;
    }

    @Test
    void files_no_row_points_to_go_after_the_grace_period_and_nothing_else_does() throws Exception {
        TestUser user = TestUsers.create();
        JsonPath post = user.upload().multiPart("media", "a.jpg", MediaSamples.jpeg(64, 48), "image/jpeg")
                .post("/posts").then().statusCode(201).extract().jsonPath();
        String avatar = AvatarUploadTest.upload(user, "me.jpg", MediaSamples.jpeg(64, 64), "image/jpeg")
                .statusCode(200).extract().path("avatarUrl");
        String story = user.upload().multiPart("media", "s.jpg", MediaSamples.jpeg(32, 48), "image/jpeg")
                .post("/stories").then().statusCode(201).extract().path("media.url");
        List<String> referenced = List.of(nameOf(post.getString("media[0].url")),
                nameOf(post.getString("media[0].thumbnailUrl")), nameOf(avatar), nameOf(story));
        Duration old = Duration.ofDays(2);
        for (String name : referenced) {
            Files.setLastModifiedTime(MediaFolder.directory().resolve(name), FileTime.from(Instant.now().minus(old)));
        }
        String orphan = leftover("T3JwaGFuZWQtYnktYS1jcmFzaA.jpg", old);
        String recent = leftover("U3RpbGwtb24taXRzLXdheS1pbg.jpg", Duration.ofMinutes(5));
        String underReview = leftover("S2VwdC1mb3ItdGhlLXJldmlldw.jpg", old);
        execute("insert into media_deletions (file, due_at) values (?, now() + interval '30 days')", underReview);

        // other test classes' files, left when their rows were emptied, may go too: the folder outlives a run
        assertThat(sweep.run()).isPositive();
        assertThat(MediaFolder.files()).doesNotContain(orphan).contains(recent, underReview)
                .containsAll(referenced);
        given().get(post.getString("media[0].url")).then().statusCode(200);
        assertThat(sweep.run()).as("nothing left to sweep").isZero();
    }
}
