package app.shutter.media;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.MediaSamples;
import app.shutter.support.S3Store;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What only the S3 store does: large files in parts, objects streamed through /images/ with ranges. */
@QuarkusTest
@TestProfile(S3Store.class)
class S3StoreTest extends ApiTest {

    /** The fixture clip with a 6 MB 'free' box after it: still a valid MP4, larger than one 5 MB part. */
    private static byte[] largeClip() {
        byte[] clip = MediaSamples.resource("clip.mp4");
        int padding = 6 * 1024 * 1024;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(clip);
        out.writeBytes(ByteBuffer.allocate(8).putInt(padding + 8).put("free".getBytes(StandardCharsets.US_ASCII))
                .array());
        out.writeBytes(new byte[padding]);
        return out.toByteArray();
    }

    @Test
    void a_video_larger_than_a_part_is_stored_whole_and_served_in_ranges() throws Exception {
        TestUser user = TestUsers.create();
        byte[] clip = largeClip();
        String url = user.upload().multiPart("media", "big.mp4", clip, "video/mp4").post("/posts").then()
                .statusCode(201).extract().path("media[0].url");
        byte[] stored = Files.readAllBytes(MediaFolder.directory().resolve(url.substring(url.lastIndexOf('/') + 1)));
        assertThat(stored.length).isGreaterThan(6 * 1024 * 1024);
        byte[] served = given().get(url).then().statusCode(200).contentType("video/mp4")
                .header("Cache-Control", "public, max-age=31536000, immutable").extract().asByteArray();
        assertThat(served).isEqualTo(stored);
        byte[] range = given().header("Range", "bytes=5242870-5242889").get(url).then().statusCode(206)
                .header("Content-Range", "bytes 5242870-5242889/" + stored.length).extract().asByteArray();
        assertThat(range).isEqualTo(Arrays.copyOfRange(stored, 5242870, 5242890));
        given().head(url).then().statusCode(200).header("Content-Length", String.valueOf(stored.length));
        given().header("Range", "bytes=" + (stored.length + 10) + "-").get(url).then().statusCode(416);
        given().get("/images/Tm8tc3VjaC1vYmplY3QtaGVyZQ.jpg").then().statusCode(404);
        given().get("/images/..%2Fetc%2Fpasswd").then().statusCode(404);
    }
}
