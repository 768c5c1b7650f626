package app.shutter.media;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** An S3 store that does not answer: uploads are a 503 that leaves no row, the rest of the API works. */
@QuarkusTest
@TestProfile(S3StoreDownTest.Unreachable.class)
class S3StoreDownTest extends ApiTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort(); // closed again: nothing listens there
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("shutter.media.store", "s3", "shutter.media.s3.bucket", "media",
                    "shutter.media.s3.endpoint", "http://127.0.0.1:" + port, "shutter.media.s3.path-style", "true",
                    "shutter.media.s3.access-key-id", "key", "shutter.media.s3.secret-access-key", "secret");
        }
    }

    @Test
    void an_upload_to_a_store_that_is_down_is_a_503_and_stores_nothing() {
        TestUser ana = TestUsers.create();
        TestPosts.attempt(ana, "no store").statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("detail", equalTo("The media store cannot be written right now; nothing was stored"));
        ana.upload().multiPart("media", "s.jpg", MediaSamples.jpeg(32, 48), "image/jpeg").post("/stories").then()
                .statusCode(503);
        AvatarUploadTest.upload(ana, "me.jpg", MediaSamples.jpeg(64, 64), "image/jpeg").statusCode(503);
        ana.request().get("/users/me").then().statusCode(200).body("avatarUrl", equalTo(null));
        assertThat((Long) queryValue("select count(*) from posts where author_id = ?", ana.id())).isZero();
        assertThat((Long) queryValue("select count(*) from stories where author_id = ?", ana.id())).isZero();
    }
}
