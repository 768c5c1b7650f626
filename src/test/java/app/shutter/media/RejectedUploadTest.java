package app.shutter.media;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import static app.shutter.media.AvatarUploadTest.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Every refused upload answers problem+json and leaves the folder and the account as they were. */
@QuarkusTest
class RejectedUploadTest extends ApiTest {

    private void refused(TestUser user, String name, byte[] bytes, String declaredType, int status, String detail) {
        Set<String> before = MediaFolder.files();
        upload(user, name, bytes, declaredType).statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("detail", containsString(detail));
        assertThat(MediaFolder.files()).isEqualTo(before);
        user.request().get("/users/me").then().body("avatarUrl", nullValue());
    }

    @Test
    void a_text_file_named_jpg_is_refused_naming_the_accepted_types() {
        refused(TestUsers.create(), "photo.jpg", "just some text, not a photo".getBytes(StandardCharsets.UTF_8),
                "image/jpeg", 415, "JPEG, PNG, WebP or GIF");
    }

    @Test
    void an_html_file_sent_as_png_is_refused() {
        refused(TestUsers.create(), "x.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "image/png", 415, "not an accepted file type");
    }

    @Test
    void a_truncated_jpeg_is_unprocessable() {
        refused(TestUsers.create(), "cut.jpg", MediaSamples.truncated(MediaSamples.jpeg(200, 200)), "image/jpeg",
                422, "could not be decoded");
    }

    @Test
    void a_truncated_png_is_unprocessable() {
        refused(TestUsers.create(), "cut.png", MediaSamples.truncated(MediaSamples.opaquePng(200, 200)),
                "image/png", 422, "could not be decoded");
    }

    @Test
    void a_pixel_bomb_is_refused_from_its_header() {
        byte[] bomb = MediaSamples.pixelBomb();
        assertThat(bomb.length).isLessThan(300_000);
        refused(TestUsers.create(), "bomb.png", bomb, "image/png", 422, "900000000 pixels");
    }

    @Test
    void a_video_is_not_an_avatar() {
        refused(TestUsers.create(), "clip.mp4", MediaSamples.resource("clip.mp4"), "video/mp4", 415,
                "JPEG, PNG, WebP or GIF images");
    }

    @Test
    void an_image_over_ten_megabytes_is_too_large() {
        byte[] big = Arrays.copyOf(MediaSamples.jpeg(10, 10), 10 * 1024 * 1024 + 1);
        refused(TestUsers.create(), "big.jpg", big, "image/jpeg", 413, "10 MB allowed for an image");
    }

    @Test
    void an_upload_without_the_profile_picture_part_names_the_part() {
        TestUser user = TestUsers.create();
        user.upload().multiPart("avatar", "a.jpg", MediaSamples.jpeg(10, 10), "image/jpeg")
                .put("/users/me/avatar").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("profilePicture"));
    }

    @Test
    void a_json_body_is_an_unsupported_media_type() {
        TestUser user = TestUsers.create();
        user.request().body("{\"profilePicture\":\"x\"}").put("/users/me/avatar").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void uploading_without_a_token_is_refused() {
        TestUsers.anonymous().contentType("multipart/form-data")
                .multiPart("profilePicture", "a.jpg", MediaSamples.jpeg(10, 10), "image/jpeg")
                .put("/users/me/avatar").then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void a_database_failure_after_the_file_was_written_leaves_no_file() {
        TestUser user = TestUsers.create();
        execute("""
                create function refuse_avatar() returns trigger language plpgsql as
                $$ begin raise exception 'simulated database failure'; end $$""");
        execute("create trigger refuse_avatar before update of avatar_file on users for each row "
                + "execute function refuse_avatar()");
        try {
            Set<String> before = MediaFolder.files();
            upload(user, "a.jpg", MediaSamples.jpeg(50, 50), "image/jpeg").statusCode(500)
                    .contentType("application/problem+json");
            assertThat(MediaFolder.files()).isEqualTo(before);
        } finally {
            execute("drop trigger refuse_avatar on users");
            execute("drop function refuse_avatar()");
        }
        user.request().get("/users/me").then().body("avatarUrl", nullValue());
    }

    @Test
    void a_declared_multipart_body_over_the_request_bound_is_a_413_problem() throws Exception {
        TestUser user = TestUsers.create();
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /users/me/avatar HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + user.accessToken() + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: " + (301L * 1024 * 1024) + "\r\n\r\n--x\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("\"status\":413");
        }
    }
}
