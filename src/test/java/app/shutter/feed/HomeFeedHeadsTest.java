package app.shutter.feed;

import app.shutter.bench.HomeFeedShapes;
import app.shutter.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        followNewAccounts(me, FeedService.PROBE_HEADS_UP_TO + 20);
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

    @Test
    void above_500_accounts_followed_the_merge_still_probes_when_the_table_holds_many_more_posting_accounts()
            throws Exception {
        TestUser me = TestUsers.create();
        followNewAccounts(me, FeedService.PROBE_HEADS_UP_TO + 20);
        assertThat(headReads(me)).as("a small author_heads: one read of it").isEqualTo(1);
        try {
            // the planner's estimate, which the statement reads at run time: a network with a million posting accounts
            execute("update pg_class set reltuples = 1000000, relpages = 6400 where oid = cast('author_heads' as regclass)");
            assertThat(headReads(me)).as("a large author_heads: a probe per account followed, and the viewer's own")
                    .isEqualTo(FeedService.PROBE_HEADS_UP_TO + 21);
        } finally {
            execute("analyze author_heads");
        }
    }

    /** Accounts that follow nobody, followed by {@code viewer}; one in nine has posted, long ago. */
    private void followNewAccounts(TestUser viewer, int accounts) {
        String prefix = "heads" + System.nanoTime() + "_";
        execute("insert into users (username, email, password_hash, name, created_at) select ? || i, ? || i ||"
                + " '@example.test', 'x', 'Heads ' || i, now() from generate_series(1, ?) i", prefix, prefix, accounts);
        execute("insert into follows (follower_id, followee_id, status, created_at, accepted_at)"
                + " select ?, id, 'accepted', now(), now() from users where username like ? || '%'", viewer.id(), prefix);
        // through the trigger that keeps author_heads, as the API would
        execute("insert into posts (author_id, caption, created_at) select id, 'old', now() - interval '1 day'"
                + " - substring(username from '[0-9]+$')::int * interval '1 minute' from users"
                + " where username like ? || '%' and substring(username from '[0-9]+$')::int % 9 = 0", prefix);
    }

    /** How often the merge's first page reads author_heads (EXPLAIN ANALYZE: the loops of every node reading it). */
    private long headReads(TestUser viewer) throws Exception {
        String sql = HomeFeedShapes.statement(FeedService.MERGE_SQL, viewer.id(), "");
        JsonNode plan = new ObjectMapper().readTree(queryValue("explain (analyze, format json) " + sql).toString());
        long loops = 0;
        List<JsonNode> nodes = new ArrayList<>(List.of(plan.get(0).get("Plan")));
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.remove(nodes.size() - 1);
            if ("author_heads".equals(node.path("Relation Name").asText())) {
                loops += node.get("Actual Loops").asLong();
            }
            node.path("Plans").forEach(nodes::add);
        }
        return loops;
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
