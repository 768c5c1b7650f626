package app.shutter.story;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Stories here live two seconds, so expiry can be observed. */
@QuarkusTest
@TestProfile(StoryExpiryTest.ShortLifetime.class)
class StoryExpiryTest extends ApiTest {

    public static class ShortLifetime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shutter.stories.lifetime", "2s", "shutter.stories.cleanup-batch", "2");
        }
    }

    @Inject
    StoryCleanup cleanup;

    @Test
    void an_expired_story_disappears_at_once_and_the_job_removes_its_rows_and_files() throws Exception {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        JsonPath story = TestStories.post(author).extract().jsonPath();
        long id = story.getLong("id");
        fan.request().get("/users/" + author.username() + "/stories").then().body("items.id", contains((int) id));
        fan.request().post("/stories/" + id + "/view").then().statusCode(204);

        awaitExpiry(fan, id);
        fan.request().get("/users/" + author.username() + "/stories").then().body("items.size()", equalTo(0));
        author.request().get("/stories/feed").then().body("items.size()", equalTo(0));
        author.request().get("/stories/" + id + "/viewers").then().statusCode(404);
        assertThat(MediaFolder.contains(story.getString("media.url"))).as("kept until the job runs").isTrue();

        assertThat(cleanup.run()).isEqualTo(1);
        assertThat(queryValue("select count(*) from stories where id = ?", id)).isEqualTo(0L);
        assertThat(queryValue("select count(*) from story_views where story_id = ?", id)).isEqualTo(0L);
        assertThat(MediaFolder.contains(story.getString("media.url"))).isFalse();
        assertThat(MediaFolder.contains(story.getString("media.thumbnailUrl"))).isFalse();
    }

    @Test
    void two_cleanup_runs_at_once_share_the_work_without_errors() throws Exception {
        TestUser author = TestUsers.create();
        List<String> urls = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < 7; i++) {
            JsonPath story = TestStories.post(author).extract().jsonPath();
            urls.add(story.getString("media.url"));
            last = story.getLong("id");
        }
        awaitExpiry(author, last);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(cleanup::run);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(cleanup::run);
        assertThat(first.get() + second.get()).isEqualTo(7);
        assertThat(queryValue("select count(*) from stories where author_id = ?", author.id())).isEqualTo(0L);
        urls.forEach(url -> assertThat(MediaFolder.contains(url)).as(url).isFalse());
    }

    /** Polls the API until the story is gone (no timing is asserted, only that it goes). */
    private static void awaitExpiry(TestUser viewer, long id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (viewer.request().get("/stories/" + id).statusCode() == 404) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the story never expired");
    }
}
