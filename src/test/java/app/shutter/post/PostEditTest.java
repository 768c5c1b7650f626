package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Editing what a post shows (media removed or reordered, alt texts, caption), with its history. */
@QuarkusTest
class PostEditTest extends ApiTest {

    private static JsonPath carousel(TestUser author) {
        return TestPosts.carousel(author, 3, "caption", "first light #dunes", "altText", "a", "altText", "b",
                "altText", "c").post("/posts").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath edit(TestUser author, long post, Map<String, Object> body) {
        return author.request().body(body).patch("/posts/" + post).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void removing_and_reordering_media_keeps_the_earlier_version_and_deletes_the_removed_files_after_the_edit() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        JsonPath created = carousel(author);
        long post = created.getLong("id");
        List<Long> ids = created.getList("media.id", Long.class);
        List<String> urls = created.getList("media.url");

        JsonPath edited = edit(author, post, Map.of("media", List.of(ids.get(2), ids.get(0)),
                "altTexts", List.of("c, now first", "a"), "caption", "second light"));
        assertThat(edited.getList("media.id", Long.class)).containsExactly(ids.get(2), ids.get(0));
        assertThat(edited.getList("media.width", Integer.class)).containsExactly(26, 24);
        assertThat(edited.getList("media.altText", String.class)).containsExactly("c, now first", "a");
        assertThat(edited.getString("editedAt")).isNotNull();
        assertThat(MediaFolder.contains(urls.get(1))).as("the removed item's file").isFalse();
        assertThat(MediaFolder.contains(urls.get(0))).isTrue();
        assertThat(MediaFolder.contains(urls.get(2))).isTrue();

        JsonPath history = fan.request().get("/posts/" + post + "/history").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", nullValue())
                .body("items[0].caption", equalTo("first light #dunes"))
                .body("items[0].replacedAt", equalTo(edited.getString("editedAt")))
                .body("items[0].createdAt", equalTo(created.getString("createdAt")))
                .extract().jsonPath();
        assertThat(history.getList("items[0].media.id", Long.class)).containsExactlyElementsOf(ids);
        assertThat(history.getList("items[0].media.altText", String.class)).containsExactly("a", "b", "c");
        assertThat(history.getList("items[0].media.url", String.class))
                .containsExactly(urls.get(0), null, urls.get(2));
        assertThat(history.getList("items[0].media.width", Integer.class)).containsExactly(24, 25, 26);

        edit(author, post, Map.of("caption", "third light"));
        fan.request().get("/posts/" + post + "/history").then().statusCode(200)
                .body("items.caption", equalTo(List.of("second light", "first light #dunes")))
                .body("items[0].media.altText", equalTo(List.of("c, now first", "a")));
        fan.request().get("/posts/" + post + "/history?limit=1").then().body("items.size()", equalTo(1))
                .body("items[0].caption", equalTo("second light")).body("nextCursor", notNullValue());
        fan.request().get("/tags/dunes/posts").then().body("items.id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem((int) post)));
        assertThat(queryValue("select count(*) from post_media where post_id = ?", post)).isEqualTo(2L);
    }

    @Test
    void an_edit_that_would_leave_no_media_or_names_foreign_or_repeated_ids_is_a_400_and_changes_nothing() {
        TestUser author = TestUsers.create();
        JsonPath created = carousel(author);
        long post = created.getLong("id");
        List<Long> ids = created.getList("media.id", Long.class);
        long foreign = TestPosts.publish(TestUsers.create(), "other").extract().jsonPath().getLong("media[0].id");
        List<Map<String, Object>> bad = List.of(
                Map.of("media", List.of()),
                Map.of("media", List.of(ids.get(0), foreign)),
                Map.of("media", List.of(ids.get(0), ids.get(0))),
                Map.of("media", Arrays.asList(ids.get(0), null)),
                Map.of("media", List.of(ids.get(1)), "altTexts", List.of("one", "two")),
                Map.of("media", List.of(ids.get(1)), "caption", "x".repeat(2201)),
                Map.of("media", "not a list"));
        for (Map<String, Object> body : bad) {
            author.request().body(body).patch("/posts/" + post).then().statusCode(400)
                    .contentType(containsString("application/problem+json"));
        }
        author.request().body("{\"media\": null}").patch("/posts/" + post).then().statusCode(400)
                .body("errors[0].field", equalTo("media")).body("errors[0].message", containsString("at least one"));
        author.request().body(Map.of("media", List.of(ids.get(0), foreign))).patch("/posts/" + post).then()
                .body("errors[0].message", containsString(foreign + " is not the id of a media item of this post"));
        author.request().get("/posts/" + post).then().body("editedAt", nullValue())
                .body("caption", equalTo("first light #dunes"));
        assertThat(author.request().get("/posts/" + post).then().extract().jsonPath().getList("media.id", Long.class))
                .containsExactlyElementsOf(ids);
        assertThat(queryValue("select count(*) from post_versions where post_id = ?", post)).isEqualTo(0L);
        created.getList("media.url", String.class).forEach(url -> assertThat(MediaFolder.contains(url)).isTrue());
    }

    @Test
    void settings_and_unchanged_text_write_no_version() {
        TestUser author = TestUsers.create();
        long post = carousel(author).getLong("id");
        edit(author, post, Map.of("sensitive", true, "hideLikeCount", true));
        edit(author, post, Map.of("caption", "first light #dunes", "altTexts", List.of("a", "b", "c")));
        author.request().get("/posts/" + post + "/history").then().statusCode(200).body("items.size()", equalTo(0));
        author.request().get("/posts/" + post).then().body("editedAt", nullValue());
    }

    @Test
    void only_the_author_edits_and_the_history_is_seen_by_whoever_sees_the_post() {
        TestUser author = TestUsers.create();
        TestUser follower = TestUsers.create();
        TestUser stranger = TestUsers.create();
        JsonPath created = carousel(author);
        long post = created.getLong("id");
        long first = created.getLong("media[0].id");
        stranger.request().body(Map.of("media", List.of(first))).patch("/posts/" + post).then().statusCode(403);
        edit(author, post, Map.of("caption", "changed"));

        TestPosts.follow(follower, author);
        TestPosts.makePrivate(author);
        follower.request().get("/posts/" + post + "/history").then().statusCode(200).body("items.size()", equalTo(1));
        stranger.request().get("/posts/" + post + "/history").then().statusCode(404);
        stranger.request().body(Map.of("media", List.of(first))).patch("/posts/" + post).then().statusCode(404);
        TestPosts.block(author, follower);
        follower.request().get("/posts/" + post + "/history").then().statusCode(404);
        TestUsers.anonymous().get("/posts/" + post + "/history").then().statusCode(401);
        author.request().get("/posts/0/history").then().statusCode(404);
        author.request().get("/posts/" + post + "/history?limit=0").then().statusCode(400);
    }

    @Test
    void edits_racing_likes_lose_neither_a_like_nor_a_version() throws Exception {
        TestUser author = TestUsers.create();
        long post = carousel(author).getLong("id");
        List<TestUser> fans = IntStream.range(0, 12).mapToObj(i -> TestUsers.create()).toList();
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < fans.size(); i++) {
            TestUser fan = fans.get(i);
            String caption = "edit " + i;
            work.add(() -> fan.request().post("/posts/" + post + "/like").then().extract().statusCode());
            if (i < 8) {
                work.add(() -> author.request().body(Map.of("caption", caption)).patch("/posts/" + post)
                        .then().extract().statusCode());
            }
        }
        var pool = Executors.newFixedThreadPool(10);
        try {
            for (var status : pool.invokeAll(work)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        JsonPath now = author.request().get("/posts/" + post).then().statusCode(200)
                .body("likeCount", equalTo(12)).extract().jsonPath();
        author.request().get("/posts/" + post + "/likes?limit=50").then().body("items.size()", equalTo(12));
        List<String> versions = author.request().get("/posts/" + post + "/history?limit=50").then().statusCode(200)
                .body("items.size()", equalTo(8)).extract().jsonPath().getList("items.caption", String.class);
        assertThat(versions).doesNotHaveDuplicates().contains("first light #dunes").doesNotContain(now.getString("caption"));
        assertThat(queryValue("select count(*) from post_likes where post_id = ?", post)).isEqualTo(12L);
    }
}
