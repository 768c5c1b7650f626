package app.shutter.media;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A multipart body that ends inside a part, or whose boundary never appears, is a 400 that stores nothing. */
@QuarkusTest
class CutOffMultipartTest extends ApiTest {

    @ParameterizedTest(name = "{0} {1}, boundary in the header {3}")
    @CsvSource({
            "POST, /posts, media, zz",
            "POST, /stories, media, zz",
            "PUT, /users/me/avatar, profilePicture, zz",
            "POST, /posts, media, other",
            "POST, /stories, media, other",
            "PUT, /users/me/avatar, profilePicture, other"})
    void a_cut_off_multipart_body_is_a_400_problem(String method, String path, String part, String boundary) {
        TestUser user = TestUsers.create();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--zz\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        Set<String> before = MediaFolder.files();
        RestAssured.given().auth().oauth2(user.accessToken())
                .contentType("multipart/form-data; boundary=" + boundary).body(body.toByteArray())
                .request(method, path).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
        assertThat(MediaFolder.files()).isEqualTo(before);
        assertThat(queryValue("select count(*) from posts where author_id = ?", user.id())).isEqualTo(0L);
        assertThat(queryValue("select count(*) from stories where author_id = ?", user.id())).isEqualTo(0L);
        assertThat(queryValue("select avatar_file from users where id = ?", user.id())).isNull();
    }
}
