package app.shutter.feed;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The merge's shortcut (V29 author_heads: each account's newest listed post, kept by a trigger on posts) and the
 * cursor's hint of which way the page before was found: neither may change which posts a page holds.
 */
@QuarkusTest
class HomeFeedHeadsTest extends ApiTest {

    @Test
    void deleting_archiving_and_unarchiving_an_authors_newest_post_moves_their_place_in_the_feed_at_once() {
        TestUser me = TestUsers.create();
        TestUser ana = TestUsers.create();
        TestUser ben = TestUsers.create();
        TestPosts.follow(me, ana);
        TestPosts.follow(me, ben);
        long first = TestPosts.publishId(ana);
        long second = TestPosts.publishId(ana);
        long benPost = TestPosts.publishId(ben);
        long third = TestPosts.publishId(ana);
        assertThat(feed(me)).containsExactly(third, benPost, second, first);
        assertThat(head(ana)).isEqualTo(third);

        ana.request().delete("/posts/" + third).then().statusCode(204);
        assertThat(head(ana)).isEqualTo(second);
        assertThat(feed(me)).containsExactly(benPost, second, first);

        ana.request().post("/posts/" + second + "/archive").then().statusCode(204);
        assertThat(head(ana)).isEqualTo(first);
        assertThat(feed(me)).containsExactly(benPost, first);
        assertThat(HomeFeedRulesTest.allPages(me, 1)).containsExactly(benPost, first);

        ana.request().delete("/posts/" + second + "/archive").then().statusCode(204);
        assertThat(head(ana)).isEqualTo(second);
        assertThat(feed(me)).containsExactly(benPost, second, first);

        ana.request().delete("/posts/" + second).then().statusCode(204);
        ana.request().delete("/posts/" + first).then().statusCode(204);
        assertThat(queryValue("select count(*) from author_heads where author_id = ?", ana.id())).isEqualTo(0L);
        assertThat(feed(me)).containsExactly(benPost);
    }

    @Test
    void a_deleted_account_leaves_no_head_behind() {
        TestUser gone = TestUsers.create();
        TestPosts.publishId(gone);
        gone.request().body("{\"password\":\"" + gone.password() + "\"}").delete("/users/me").then().statusCode(204);
        assertThat(queryValue("select count(*) from author_heads where author_id = ?", gone.id())).isEqualTo(0L);
    }

    @Test
    void either_way_of_paging_on_from_a_cursor_gives_the_same_next_page() {
        TestUser me = TestUsers.create();
        List<Long> published = new ArrayList<>();
        for (int i = 0; i <= FeedService.WALK_FROM_FOLLOWING; i++) { // enough followees for the walk to be tried
            TestUser followee = TestUsers.create();
            TestPosts.follow(me, followee);
            if (i % 10 == 0) {
                published.add(TestPosts.publishId(followee));
                published.add(TestPosts.publishId(followee));
            }
        }
        JsonPath first = me.request().queryParam("limit", 3).get("/feed").then().statusCode(200).extract().jsonPath();
        String[] position = new String(Base64.getUrlDecoder().decode(first.getString("nextCursor")),
                StandardCharsets.UTF_8).split(":");
        List<Long> expected = null;
        for (String cursor : new String[] {encode(position[0] + ":" + position[1] + ":w"),
                encode(position[0] + ":" + position[1] + ":m"), encode(position[0] + ":" + position[1])}) {
            List<Long> next = me.request().queryParam("limit", 3).queryParam("cursor", cursor).get("/feed")
                    .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
            if (expected == null) {
                expected = next;
            }
            assertThat(next).as("the page after %s", cursor).hasSize(3).isEqualTo(expected);
        }
        assertThat(HomeFeedRulesTest.allPages(me, 3)).containsExactlyElementsOf(HomeFeedRulesTest.newestFirst(published));
    }

    @Test
    void a_viewer_following_more_accounts_than_the_merge_probes_one_by_one_gets_every_post_once_in_order() {
        TestUser me = TestUsers.create();
        String prefix = "heads" + System.nanoTime() + "_";
        int accounts = FeedService.PROBE_HEADS_UP_TO + 20;
        execute("insert into users (username, email, password_hash, name, created_at) select ? || i, ? || i ||"
                + " '@example.test', 'x', 'Heads ' || i, now() from generate_series(1, ?) i", prefix, prefix, accounts);
        execute("insert into follows (follower_id, followee_id, status, created_at, accepted_at)"
                + " select ?, id, 'accepted', now(), now() from users where username like ? || '%'", me.id(), prefix);
        // one in nine has posted, long ago (through the trigger that keeps author_heads, as the API would)
        execute("insert into posts (author_id, caption, created_at) select id, 'old', now() - interval '1 day'"
                + " - substring(username from '[0-9]+$')::int * interval '1 minute' from users"
                + " where username like ? || '%' and substring(username from '[0-9]+$')::int % 9 = 0", prefix);
        TestUser recent = TestUsers.create();
        TestPosts.follow(me, recent);
        TestPosts.publishId(recent);
        TestPosts.publishId(me);
        List<Long> expected = new ArrayList<>();
        String sql = "select id from posts where archived_at is null and (author_id = ? or author_id in (select followee_id"
                + " from follows where follower_id = ?)) order by created_at desc, id desc offset ? limit 1";
        for (Object id = queryValue(sql, me.id(), me.id(), 0); id != null; id = queryValue(sql, me.id(), me.id(),
                expected.size())) {
            expected.add((Long) id);
        }
        assertThat(expected).hasSizeGreaterThan(FeedService.PROBE_HEADS_UP_TO / 9);
        assertThat(HomeFeedRulesTest.allPages(me, 7)).containsExactlyElementsOf(expected);
        assertThat(HomeFeedRulesTest.allPages(me, 50)).containsExactlyElementsOf(expected);
        assertThat(pagesThroughTheMerge(me, 7)).as("every page after the first from the merge")
                .containsExactlyElementsOf(expected);
    }

    /** All pages, each cursor turned into one that says the page before came from the merge. */
    private static List<Long> pagesThroughTheMerge(TestUser viewer, int limit) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = viewer.request().queryParam("limit", limit);
            if (cursor != null) {
                String[] position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                request = request.queryParam("cursor", encode(position[0] + ":" + position[1] + ":m"));
            }
            JsonPath page = request.get("/feed").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void a_cursor_with_an_unknown_way_is_refused_as_a_bad_cursor() {
        TestUser me = TestUsers.create();
        me.request().queryParam("cursor", encode("1700000000000000:5:x")).get("/feed").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private List<Long> feed(TestUser viewer) {
        return viewer.request().queryParam("limit", 50).get("/feed").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class).stream().toList();
    }

    private Object head(TestUser author) {
        return queryValue("select id from author_heads where author_id = ?", author.id());
    }
}
