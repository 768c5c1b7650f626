package app.shutter.media;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AvatarUploadTest extends ApiTest {

    static ValidatableResponse upload(TestUser user, String fileName, byte[] bytes, String declaredType) {
        return user.upload().multiPart("profilePicture", fileName, bytes, declaredType)
                .put("/users/me/avatar").then();
    }

    static byte[] fetch(String url) {
        return given().get(url).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void a_phone_photo_is_served_upright_without_exif_or_location() throws Exception {
        TestUser user = TestUsers.create();
        byte[] photo = MediaSamples.jpegWithExif(40, 20, 6);
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo))
                .getFirstDirectoryOfType(GpsDirectory.class)).as("the sample carries GPS").isNotNull();

        String url = upload(user, "IMG_0001.jpg", photo, "image/jpeg").statusCode(200)
                .body("avatarUrl", matchesPattern("/images/[A-Za-z0-9_-]{22}\\.jpg"))
                .extract().path("avatarUrl");

        byte[] served = fetch(url);
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(served));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(new String(served, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("ShutterTestCam");
        BufferedImage image = MediaSamples.decode(served);
        // orientation 6 turns the 40x20 picture a quarter clockwise: the red left half ends on top
        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(40);
        assertThat(isReddish(image.getRGB(10, 5))).isTrue();
        assertThat(isReddish(image.getRGB(10, 35))).isFalse();
        user.request().get("/users/me").then().body("avatarUrl", equalTo(url));
    }

    @Test
    void served_files_carry_safe_headers_and_support_head_and_ranges() {
        TestUser user = TestUsers.create();
        String url = upload(user, "a.jpg", MediaSamples.jpeg(64, 64), "image/jpeg").statusCode(200)
                .extract().path("avatarUrl");
        int length = fetch(url).length;

        given().get(url).then().statusCode(200).contentType("image/jpeg")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("Accept-Ranges", "bytes");
        given().head(url).then().statusCode(200).header("Content-Length", String.valueOf(length))
                .header("Content-Type", "image/jpeg");
        byte[] part = given().header("Range", "bytes=0-9").get(url).then().statusCode(206)
                .header("Content-Range", "bytes 0-9/" + length).extract().asByteArray();
        assertThat(part).hasSize(10);
        assertThat(part[0]).isEqualTo((byte) 0xFF);
    }

    @Test
    void a_missing_or_traversing_image_path_is_a_404_problem() {
        given().get("/images/AAAAAAAAAAAAAAAAAAAAAA.jpg").then().statusCode(404)
                .contentType("application/problem+json").header("Cache-Control", nullValue());
        given().urlEncodingEnabled(false).get("/images/..%2F..%2Fpom.xml").then().statusCode(404);
        given().urlEncodingEnabled(false).get("/images/../pom.xml").then().statusCode(404);
    }

    @Test
    void large_pictures_are_scaled_to_320_pixels() {
        TestUser user = TestUsers.create();
        String url = upload(user, "big.png", MediaSamples.opaquePng(1000, 500), "image/png").statusCode(200)
                .body("avatarUrl", matchesPattern(".*\\.jpg")).extract().path("avatarUrl");
        BufferedImage image = MediaSamples.decode(fetch(url));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(160);
    }

    @Test
    void a_transparent_png_stays_a_png_with_its_transparency() {
        TestUser user = TestUsers.create();
        String url = upload(user, "t.png", MediaSamples.transparentPng(40, 40), "image/png").statusCode(200)
                .body("avatarUrl", matchesPattern(".*\\.png")).extract().path("avatarUrl");
        given().get(url).then().contentType("image/png");
        BufferedImage image = MediaSamples.decode(fetch(url));
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat(image.getRGB(2, 2) >>> 24).isZero();
        assertThat(image.getRGB(38, 38) >>> 24).isEqualTo(0xFF);
    }

    @Test
    void webp_and_gif_pictures_are_accepted_and_re_encoded() {
        TestUser user = TestUsers.create();
        String webp = upload(user, "p.webp", MediaSamples.resource("photo.webp"), "image/webp").statusCode(200)
                .extract().path("avatarUrl");
        assertThat(MediaSamples.decode(fetch(webp)).getWidth()).isEqualTo(40);
        String gif = upload(user, "p.gif", MediaSamples.gif(30, 20), "image/gif").statusCode(200)
                .body("avatarUrl", matchesPattern(".*\\.(jpg|png)")).extract().path("avatarUrl");
        assertThat(MediaSamples.decode(fetch(gif)).getHeight()).isEqualTo(20);
    }

    @Test
    void replacing_the_picture_deletes_the_previous_file_and_deleting_clears_it() {
        TestUser user = TestUsers.create();
        String first = upload(user, "1.jpg", MediaSamples.jpeg(30, 30), "image/jpeg").statusCode(200)
                .extract().path("avatarUrl");
        String second = upload(user, "2.jpg", MediaSamples.jpeg(30, 30), "image/jpeg").statusCode(200)
                .extract().path("avatarUrl");
        assertThat(second).isNotEqualTo(first);
        assertThat(MediaFolder.contains(first)).isFalse();
        assertThat(MediaFolder.contains(second)).isTrue();
        given().get(first).then().statusCode(404);

        user.request().delete("/users/me/avatar").then().statusCode(204);
        assertThat(MediaFolder.contains(second)).isFalse();
        user.request().get("/users/me").then().body("avatarUrl", nullValue());
    }

    @Test
    void deleting_the_account_removes_its_picture() {
        TestUser user = TestUsers.create();
        String url = upload(user, "1.jpg", MediaSamples.jpeg(30, 30), "image/jpeg").statusCode(200)
                .extract().path("avatarUrl");
        user.request().body("{\"password\":\"" + user.password() + "\"}").delete("/users/me").then().statusCode(204);
        assertThat(MediaFolder.contains(url)).isFalse();
    }

    static boolean isReddish(int rgb) {
        Color color = new Color(rgb);
        return color.getRed() > 180 && color.getBlue() < 80;
    }
}
