package app.shutter.it;

import app.shutter.support.MediaSamples;
import app.shutter.support.S3ProxyServer;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Everything ClusterIT checks, with both instances on the S3 store (a real S3 API server, S3Proxy) and each with
 * a media folder of its own: nothing is shared but the database and the bucket. {@code media} is the bucket's
 * folder of S3Proxy's filesystem backend, so the inherited checks of stored files read the objects.
 */
class S3ClusterIT extends ClusterIT {

    private S3ProxyServer s3;
    private Map<String, String> s3Settings;
    private final Map<String, Path> ownFolders = new HashMap<>();

    @Override
    Map<String, String> settings() {
        if (s3 == null) {
            s3 = new S3ProxyServer();
            s3Settings = new HashMap<>();
            s3.start().forEach((name, value) -> {
                if (name.equals(S3ProxyServer.BUCKET_DIRECTORY)) {
                    media = Path.of(value);
                } else {
                    s3Settings.put(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value);
                }
            });
        }
        Map<String, String> all = new HashMap<>(super.settings());
        all.putAll(s3Settings);
        return all;
    }

    @Override
    Path folderOf(String instance) throws IOException {
        return ownFolders.computeIfAbsent(instance, name -> {
            try {
                return Files.createTempDirectory("shutter-own-images-" + name);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    void stopS3() {
        s3.stop();
    }

    @Test
    void a_photo_posted_through_one_instance_is_served_by_the_other_from_the_bucket_and_deleted_by_it() throws Exception {
        TestUser ana = TestUsers.create();
        JsonPath post = ana.upload().multiPart("media", "a.jpg", MediaSamples.jpeg(64, 48), "image/jpeg")
                .post("/posts").then().statusCode(201).extract().jsonPath();
        String url = post.getString("media[0].url");
        String name = url.substring(url.lastIndexOf('/') + 1);
        assertThat(media.resolve(name)).exists();
        assertThat(ownFolders.values()).allMatch(folder -> !Files.exists(folder.resolve(name)));
        byte[] served = given().port(b.port()).get(url).then().statusCode(200).contentType("image/jpeg")
                .extract().asByteArray();
        assertThat(served).isEqualTo(Files.readAllBytes(media.resolve(name)));

        ana.request().port(b.port()).delete("/posts/" + post.getLong("id")).then().statusCode(204);
        await().atMost(java.time.Duration.ofSeconds(5)).until(() -> !Files.exists(media.resolve(name)));
        given().port(a.port()).get(url).then().statusCode(404);
    }
}
