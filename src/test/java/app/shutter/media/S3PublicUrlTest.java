package app.shutter.media;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaSamples;
import app.shutter.support.S3Store;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The S3 store behind a public base URL (a CDN): absolute URLs everywhere, /images/ redirects there. */
@QuarkusTest
@TestProfile(S3PublicUrlTest.BehindACdn.class)
class S3PublicUrlTest extends ApiTest {

    private static final String CDN = "https://cdn.example.com/media";

    public static class BehindACdn extends S3Store {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("shutter.media.s3.public-base-url", CDN + "/");
            return overrides;
        }
    }

    @Test
    void post_media_and_avatars_get_absolute_urls_and_old_image_urls_redirect_to_them() {
        TestUser user = TestUsers.create();
        String url = user.upload().multiPart("media", "a.jpg", MediaSamples.jpeg(40, 30), "image/jpeg")
                .post("/posts").then().statusCode(201).extract().path("media[0].url");
        assertThat(url).startsWith(CDN + "/").matches(".*/[A-Za-z0-9_-]{22}\\.jpg");
        String name = url.substring(url.lastIndexOf('/') + 1);
        given().redirects().follow(false).get("/images/" + name).then().statusCode(302)
                .header("Location", equalTo(url));

        String avatar = AvatarUploadTest.upload(user, "me.jpg", MediaSamples.jpeg(64, 64), "image/jpeg")
                .statusCode(200).extract().path("avatarUrl");
        assertThat(avatar).startsWith(CDN + "/");
        user.request().get("/users/me").then().body("avatarUrl", equalTo(avatar));
        user.request().get("/users/" + user.username()).then().body("avatarUrl", equalTo(avatar));
        // the row keeps the name only: a later change of store or CDN changes every URL with it
        assertThat(queryValue("select avatar_file from users where id = ?", user.id()))
                .isEqualTo(avatar.substring(avatar.lastIndexOf('/') + 1));
    }
}
