package app.shutter.feed;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home feed's rules under the walk and the per-followee merge (FeedService.WALK_SQL, MERGE_SQL): every page is exactly the next
 * posts of the viewer and the accounts they follow, whatever the mix of busy and quiet authors, and graph
 * changes apply to the very next request.
 */
@QuarkusTest
class HomeFeedRulesTest extends ApiTest {

    @Test
    void pages_of_any_size_list_every_post_of_busy_and_quiet_followees_once_in_order() {
        TestUser me = TestUsers.create();
        List<TestUser> authors = new ArrayList<>(List.of(me));
        for (int i = 0; i < 5; i++) {
            TestUser author = TestUsers.create();
            TestPosts.follow(me, author);
            authors.add(author);
        }
        TestUser stranger = TestUsers.create();
        // a busy author, quiet ones, bursts: the bound and the per-author limits are exercised on every page
        Random random = new Random(42);
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TestUser author = authors.get(random.nextInt(10) < 6 ? 1 : random.nextInt(authors.size()));
            published.add(TestPosts.publishId(author));
            if (i % 7 == 0) {
                TestPosts.publishId(stranger);
            }
        }
        List<Long> expected = newestFirst(published);
        for (int limit : new int[] {1, 2, 3, 7, 20, 50}) {
            assertThat(allPages(me, limit)).as("pages of %d", limit).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void an_account_following_many_gets_the_same_pages_whether_the_walk_or_the_merge_answers() {
        TestUser me = TestUsers.create();
        List<TestUser> followees = new ArrayList<>();
        for (int i = 0; i <= FeedService.WALK_FROM_FOLLOWING; i++) {
            TestUser followee = TestUsers.create();
            TestPosts.follow(me, followee);
            followees.add(followee);
        }
        TestUser stranger = TestUsers.create();
        TestUser leaving = followees.get(7);
        Random random = new Random(7);
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            TestUser author = followees.get(random.nextInt(4) == 0 ? 7 : random.nextInt(followees.size()));
            long id = TestPosts.publishId(author);
            if (author != leaving) {
                published.add(id);
            }
            if (i % 3 == 0) {
                TestPosts.publishId(stranger);
            }
        }
        leaving.request().body(Map.of("password", leaving.password())).delete("/users/me").then().statusCode(204);
        // small pages fill from the walk over the newest posts; the last, short ones come from the merge
        for (int limit : new int[] {1, 2, 5, 20, 50}) {
            assertThat(allPages(me, limit)).as("pages of %d", limit).containsExactlyElementsOf(newestFirst(published));
        }
    }

    @Test
    void a_new_follow_shows_the_followees_earlier_posts_at_once_and_an_unfollow_removes_them() {
        TestUser me = TestUsers.create();
        TestUser star = TestUsers.create();
        long old = TestPosts.publishId(star);
        long older = TestPosts.publishId(star);
        assertThat(allPages(me, 20)).isEmpty();
        TestPosts.follow(me, star);
        assertThat(allPages(me, 20)).containsExactly(older, old);
        me.request().delete("/users/" + star.username() + "/follow").then().statusCode(204);
        assertThat(allPages(me, 20)).isEmpty();
    }

    @Test
    void a_removed_follower_no_longer_sees_the_posts() {
        TestUser me = TestUsers.create();
        TestUser star = TestUsers.create();
        TestPosts.follow(me, star);
        TestPosts.publishId(star);
        star.request().delete("/users/" + me.username() + "/follower").then().statusCode(204);
        assertThat(allPages(me, 20)).isEmpty();
    }

    @Test
    void a_block_either_way_removes_the_other_accounts_posts_from_both_feeds() {
        TestUser me = TestUsers.create();
        TestUser friend = TestUsers.create();
        TestUser other = TestUsers.create();
        TestPosts.mutual(me, friend);
        TestPosts.mutual(me, other);
        long mine = TestPosts.publishId(me);
        long friends = TestPosts.publishId(friend);
        long others = TestPosts.publishId(other);
        TestPosts.block(me, friend);
        assertThat(allPages(me, 20)).containsExactly(others, mine);
        assertThat(allPages(friend, 20)).containsExactly(friends);
        TestPosts.block(other, me);
        assertThat(allPages(me, 20)).containsExactly(mine);
        assertThat(allPages(other, 20)).containsExactly(others);
    }

    @Test
    void a_private_account_fills_the_feed_only_once_the_request_is_accepted() {
        TestUser me = TestUsers.create();
        TestUser closed = TestUsers.create();
        TestPosts.makePrivate(closed);
        long post = TestPosts.publishId(closed);
        TestPosts.follow(me, closed);
        assertThat(allPages(me, 20)).isEmpty();
        closed.request().post("/follow-requests/" + me.username() + "/accept").then().statusCode(204);
        assertThat(allPages(me, 20)).containsExactly(post);
    }

    @Test
    void a_deactivated_account_leaves_the_feed_and_takes_no_place_on_a_page() {
        TestUser me = TestUsers.create();
        TestUser leaving = TestUsers.create();
        TestUser staying = TestUsers.create();
        TestPosts.follow(me, leaving);
        TestPosts.follow(me, staying);
        List<Long> kept = new ArrayList<>();
        kept.add(TestPosts.publishId(staying));
        kept.add(TestPosts.publishId(staying));
        for (int i = 0; i < 3; i++) {
            TestPosts.publishId(leaving); // the newest posts belong to the account that leaves
        }
        leaving.request().body(Map.of("password", leaving.password())).delete("/users/me").then().statusCode(204);
        JsonPath first = me.request().get("/feed?limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id", Long.class)).containsExactlyElementsOf(newestFirst(kept));
        assertThat(first.getString("nextCursor")).isNull();
    }

    @Test
    void paging_across_authors_never_repeats_or_skips_while_they_keep_posting() {
        TestUser me = TestUsers.create();
        TestUser a = TestUsers.create();
        TestUser b = TestUsers.create();
        TestPosts.follow(me, a);
        TestPosts.follow(me, b);
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            before.add(TestPosts.publishId(i % 3 == 0 ? b : a));
        }
        // each new post is newer than every cursor: never on a later page
        List<Long> seen = allPages(me, 2, pageNumber -> TestPosts.publishId(pageNumber % 2 == 0 ? a : b));
        assertThat(seen).containsExactlyElementsOf(newestFirst(before));
    }

    static List<Long> newestFirst(List<Long> ids) {
        return ids.stream().sorted(Comparator.reverseOrder()).toList();
    }

    /** Every post id of the caller's home feed, following the cursors with pages of {@code limit}. */
    static List<Long> allPages(TestUser user, int limit) {
        return allPages(user, limit, pageNumber -> { });
    }

    /** Like {@link #allPages(TestUser, int)}, calling {@code afterPage} with each page's number once it is read. */
    static List<Long> allPages(TestUser user, int limit, IntConsumer afterPage) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        int pageNumber = 0;
        do {
            var request = user.request().queryParam("limit", limit);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/feed").then().statusCode(200).extract().jsonPath();
            List<Long> items = page.getList("items.id", Long.class);
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            ids.addAll(items);
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                assertThat(items).as("a page before the last one is full").hasSize(limit);
            }
            afterPage.accept(++pageNumber);
        } while (cursor != null);
        return ids;
    }
}
