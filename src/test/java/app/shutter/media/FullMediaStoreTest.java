package app.shutter.media;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A disk with less free space than shutter.media.min-free-space (here: more than any disk has) is full. */
@QuarkusTest
@TestProfile(FullMediaStoreTest.FullDisk.class)
class FullMediaStoreTest extends ApiTest {

    public static class FullDisk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shutter.media.min-free-space", "999999999G");
        }
    }

    @Test
    void an_upload_to_a_full_disk_is_a_507_and_stores_nothing() {
        TestUser ana = TestUsers.create();
        Set<String> before = MediaFolder.files();
        TestPosts.attempt(ana, "too much").statusCode(507).contentType("application/problem+json")
                .body("title", equalTo("Insufficient Storage"))
                .body("detail", equalTo("The media store is full; nothing was stored"));
        assertThat(MediaFolder.files()).isEqualTo(before);
        assertThat((Long) queryValue("select count(*) from posts where author_id = ?", ana.id())).isZero();
        ana.request().get("/feed").then().statusCode(200);
    }
}
