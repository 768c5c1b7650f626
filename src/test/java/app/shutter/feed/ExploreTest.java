package app.shutter.feed;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ExploreTest extends ApiTest {

    @Inject
    ExploreRanking ranking;

    /** The ranking spans every post, so each test starts without any. */
    @BeforeEach
    void withoutPosts() {
        execute("truncate posts, explore_snapshots cascade");
    }

    @Test
    void explore_ranks_engaging_public_posts_of_accounts_the_caller_does_not_follow() {
        TestUser viewer = TestUsers.create();
        TestUser popular = TestUsers.create();
        TestUser quiet = TestUsers.create();
        TestUser closed = TestUsers.create();
        TestUser followed = TestUsers.create();
        TestUser blocking = TestUsers.create();
        TestUser blocked = TestUsers.create();
        TestPosts.makePrivate(closed);
        long hit = TestPosts.publishId(popular);
        long calm = TestPosts.publishId(quiet);
        TestPosts.publishId(closed);
        TestPosts.publishId(followed);
        TestPosts.publishId(blocking);
        TestPosts.publishId(blocked);
        TestPosts.publishId(viewer);
        TestPosts.follow(viewer, followed);
        TestPosts.block(blocking, viewer);
        TestPosts.block(viewer, blocked);
        for (int i = 0; i < 3; i++) {
            TestUsers.create().request().post("/posts/" + hit + "/like").then().statusCode(200);
        }
        TestPosts.comment(quiet, hit, "wow", null);

        assertThat(ranking.refresh(true)).isTrue();
        assertThat(ranking.refresh(false)).as("a fresh ranking is not recomputed").isFalse();

        viewer.request().get("/explore").then().statusCode(200).body("items.id", contains((int) hit, (int) calm))
                .body("items[0].likeCount", equalTo(3)).body("nextCursor", nullValue());
        popular.request().get("/explore").then().body("items.id", not(hasItem((int) hit)))
                .body("items.id", hasItem((int) calm));
    }

    @Test
    void an_archived_post_leaves_explore_at_once_and_is_not_ranked_again() {
        TestUser viewer = TestUsers.create();
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        ranking.refresh(true);
        viewer.request().get("/explore").then().body("items.id", hasItem((int) post));
        author.request().post("/posts/" + post + "/archive").then().statusCode(204);
        viewer.request().get("/explore").then().statusCode(200).body("items.id", not(hasItem((int) post)));
        ranking.refresh(true);
        assertThat(queryValue("select count(*) from explore_posts where post_id = ?"
                + " and snapshot_id = (select max(id) from explore_snapshots)", post)).isEqualTo(0L);
    }

    @Test
    void paging_stays_within_one_ranking_until_it_expires() {
        TestUser viewer = TestUsers.create();
        long first = TestPosts.publishId(TestUsers.create());
        long second = TestPosts.publishId(TestUsers.create());
        ranking.refresh(true);
        String cursor = viewer.request().get("/explore?limit=1").then().body("items.id", contains((int) second))
                .extract().path("nextCursor");

        long newest = TestPosts.publishId(TestUsers.create());
        ranking.refresh(true);
        viewer.request().queryParam("cursor", cursor).get("/explore?limit=1").then().statusCode(200)
                .body("items.id", contains((int) first));
        viewer.request().get("/explore?limit=1").then().body("items.id", contains((int) newest));

        execute("update explore_snapshots set computed_at = computed_at - interval '2 hours'"
                + " where id <> (select max(id) from explore_snapshots)");
        ranking.refresh(true);
        assertThat(queryValue("select count(*) from explore_snapshots")).isEqualTo(2L);
        viewer.request().queryParam("cursor", cursor).get("/explore").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void a_deleted_post_leaves_the_ranking() {
        TestUser author = TestUsers.create();
        TestUser viewer = TestUsers.create();
        long post = TestPosts.publishId(author);
        ranking.refresh(true);
        author.request().delete("/posts/" + post).then().statusCode(204);
        viewer.request().get("/explore").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
