package app.shutter.common;

import app.shutter.common.pagination.CursorCodec;
import app.shutter.feed.ExploreRanking;
import app.shutter.graph.PopularAccounts;
import app.shutter.support.ApiTest;
import app.shutter.support.BackgroundData;
import app.shutter.support.TestPosts;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list's work stays the same when the tables it does not need double (issue #19): the shared buffers
 * all statements of one request touch (pg_stat_statements, loaded in the test PostgreSQL), measured with other
 * people's data at one size and at twice that size. A plan that walks an unbounded range (the old home feed
 * for an account that follows nobody read every post) grows with the tables and fails here; "no sequential
 * scan" would not catch it. Requests are made for the shapes that hurt: a new account, one that follows a
 * single silent account, one that follows and blocks many, the most followed account, rare and common tags.
 * User search is not here: it reads every account whose name contains the term (docs/performance.md, #19).
 */
@QuarkusTest
class ListWorkTest extends ApiTest {

    /**
     * The most shared buffers one request of each list may touch, at both sizes. Each bound is a few times what
     * the bounded plan needs and far below what a walk over the background tables would read at the first size
     * already (15 000 posts, 1 500 accounts, 30 000 likes, ...): the old home feed of a new account read every
     * post, some 15 000 buffers. Lists whose work is bounded by the viewer's own graph (following 500 accounts)
     * or by a configured size (the 1 000 posts of an explore ranking) say so.
     */
    private static final String EXPLORE =
            "explore for an account that follows and blocks many (bounded by the ranking's 1 000 posts)";
    private static final String BUSY = "home feed of an account following a busy account gone quiet";
    private static final String BUSY_NEXT = "home feed of an account following a busy account gone quiet, page 2";
    private static final String SEARCH_COMMON = "user search for a prefix every account shares";
    private static final String SEARCH_RARE = "user search for a rare prefix";
    private static final String SEARCH_LATE = "user search, a page past accounts listed already";
    /**
     * Lists whose work must not grow at all, because a wrong plan stays under any useful bound at these table
     * sizes: the search that sorted every match doubled with the accounts (47, 93); the merge that read a busy
     * account's old posts below the page's bound grew by a few index pages per thousand posts.
     */
    private static final Set<String> STEADY = Set.of(SEARCH_COMMON, SEARCH_RARE, SEARCH_LATE, BUSY, BUSY_NEXT);
    private static final Map<String, Integer> BOUNDS = bounds();

    private static Map<String, long[]> work;

    @Inject
    ExploreRanking ranking;

    @Inject
    PopularAccounts popular;

    private static Map<String, Integer> bounds() {
        Map<String, Integer> bounds = new LinkedHashMap<>();
        bounds.put("home feed of a new account", 50);
        bounds.put("home feed of an account following one silent account", 100);
        bounds.put("home feed of an account following 500 accounts", 800);
        bounds.put(BUSY, 500);
        bounds.put(BUSY_NEXT, 500);
        bounds.put("tag page of a rare tag", 800);
        bounds.put("tag page of a common tag", 800);
        bounds.put("profile posts", 400);
        bounds.put(EXPLORE, 15_000);
        bounds.put("notifications", 800);
        bounds.put("comments of a post", 400);
        bounds.put("replies of a comment", 400);
        bounds.put("followers of the most followed account", 400);
        bounds.put("story tray of an account following 500 accounts", 7_000);
        bounds.put("saved posts", 800);
        bounds.put("chat history", 100);
        bounds.put("archive of an account", 400);
        bounds.put("history of a post", 200);
        bounds.put("likers of a comment", 400);
        bounds.put("close friends of an account", 400);
        bounds.put("viewers of a story, with their reactions", 400);
        // at most 10 recent follows x 20 of their follows + 100 popular accounts, each checked for follows and
        // blocks: ~10 buffers per candidate
        bounds.put(SEARCH_COMMON, 800);
        bounds.put(SEARCH_RARE, 100);
        bounds.put(SEARCH_LATE, 4_000);
        bounds.put("suggestions for a new account", 4_000);
        bounds.put("suggestions for an account following 500 accounts", 4_000);
        return bounds;
    }

    static Stream<String> lists() {
        return BOUNDS.keySet().stream();
    }

    @ParameterizedTest(name = "{0}: the same work when the tables double")
    @MethodSource("lists")
    void the_work_of_a_list_does_not_grow_with_tables_it_does_not_need(String list) throws SQLException {
        if (work == null) {
            work = measureAtTwoSizes();
            work.forEach((name, buffers) -> System.out.printf("list work: %-55s %6d %6d%n", name, buffers[0],
                    buffers[1]));
        }
        long[] buffers = work.get(list);
        for (long each : buffers) {
            assertThat(each).as("%s: shared buffers at 1x = %d, at 2x = %d", list, buffers[0], buffers[1])
                    .isPositive().isLessThanOrEqualTo(BOUNDS.get(list));
        }
        if (STEADY.contains(list)) {
            assertThat(buffers[1]).as("%s: shared buffers at 1x = %d, at 2x = %d", list, buffers[0], buffers[1])
                    .isLessThanOrEqualTo(buffers[0] + buffers[0] / 5 + 10);
        }
    }

    private Map<String, long[]> measureAtTwoSizes() throws SQLException {
        TestUser fresh = TestUsers.create();
        TestUser lonely = TestUsers.create();
        TestUser silent = TestUsers.create();
        TestUser crowd = TestUsers.create();
        TestUser star = TestUsers.create();
        TestUser friend = TestUsers.create();
        long post = 0;
        for (int i = 0; i < 25; i++) {
            post = TestPosts.publish(star, "fixture #rarefixture " + i).extract().jsonPath().getLong("id");
            fresh.request().post("/posts/" + post + "/save").then().statusCode(204);
            friend.request().post("/posts/" + post + "/like").then().statusCode(200);
        }
        long comment = TestPosts.comment(friend, post, "first", null);
        for (int i = 0; i < 25; i++) {
            TestPosts.comment(fresh, post, "comment " + i, null);
            TestPosts.comment(friend, post, "reply " + i, comment);
        }
        TestPosts.mutual(fresh, friend);
        TestUser archivist = TestUsers.create();
        execute("insert into posts (author_id, caption, created_at, archived_at) select ?, 'archived ' || i,"
                + " now() - i * interval '1 hour', now() - i * interval '1 minute' from generate_series(1, 25) i",
                archivist.id());
        execute("insert into post_media (post_id, position, type, file, width, height)"
                + " select id, 0, 'image', 'a-' || id || '.jpg', 10, 10 from posts where author_id = ?", archivist.id());
        execute("insert into post_versions (post_id, caption, media, created_at, replaced_at)"
                + " select ?, 'version ' || i, '[{\"id\": 1, \"type\": \"image\", \"width\": 10, \"height\": 10}]',"
                + " now() - interval '2 days', now() - i * interval '1 minute' from generate_series(1, 25) i", post);
        TestPosts.follow(lonely, silent);
        TestPosts.publishId(silent);
        execute("update posts set created_at = now() - interval '300 days' where author_id = ?", silent.id());
        TestPosts.follow(crowd, star);
        long story = TestStories.postId(star);
        for (TestUser other : java.util.List.of(fresh, friend, lonely, silent, crowd)) {
            other.request().post("/comments/" + comment + "/like").then().statusCode(200);
            other.request().body(Map.of("emoji", "🔥")).put("/stories/" + story + "/reaction").then().statusCode(200);
            star.request().put("/users/" + other.username() + "/close-friend").then().statusCode(204);
        }
        execute("insert into messages (sender_id, recipient_id, text) select ?, ?, 'message ' || i"
                + " from generate_series(1, 25) i", fresh.id(), friend.id());
        TestUser busy = TestUsers.create();
        TestUser busyReader = readerOf(busy);
        String busyCursor = busyReader.request().get("/feed").then().statusCode(200).extract().path("nextCursor");
        Map<String, Request> requests = new LinkedHashMap<>();
        requests.put("home feed of a new account",
                new Request(fresh, "/feed"));
        requests.put("home feed of an account following one silent account",
                new Request(lonely, "/feed"));
        requests.put("home feed of an account following 500 accounts",
                new Request(crowd, "/feed"));
        requests.put(BUSY, new Request(busyReader, "/feed"));
        requests.put(BUSY_NEXT, new Request(busyReader, "/feed?cursor=" + busyCursor));
        requests.put("tag page of a rare tag",
                new Request(fresh, "/tags/rarefixture/posts"));
        requests.put("tag page of a common tag",
                new Request(fresh, "/tags/common/posts"));
        requests.put("profile posts",
                new Request(fresh, "/users/" + star.username() + "/posts"));
        requests.put(EXPLORE,
                new Request(crowd, "/explore"));
        requests.put("notifications",
                new Request(star, "/notifications"));
        requests.put("comments of a post",
                new Request(fresh, "/posts/" + post + "/comments"));
        requests.put("replies of a comment",
                new Request(fresh, "/comments/" + comment + "/replies"));
        requests.put("followers of the most followed account",
                new Request(fresh, "/users/" + star.username() + "/followers"));
        requests.put("story tray of an account following 500 accounts",
                new Request(crowd, "/stories/feed"));
        requests.put("saved posts",
                new Request(fresh, "/users/me/saved"));
        requests.put("chat history",
                new Request(fresh, "/chats/" + friend.id() + "/messages"));
        requests.put("archive of an account",
                new Request(archivist, "/users/me/archive"));
        requests.put("history of a post",
                new Request(fresh, "/posts/" + post + "/history"));
        requests.put("likers of a comment",
                new Request(fresh, "/comments/" + comment + "/likes"));
        requests.put("close friends of an account",
                new Request(star, "/users/me/close-friends"));
        requests.put("viewers of a story, with their reactions",
                new Request(star, "/stories/" + story + "/viewers"));
        requests.put(SEARCH_COMMON,
                new Request(fresh, "/users?q=b"));
        requests.put(SEARCH_RARE,
                new Request(fresh, "/users?q=" + star.username()));
        // past every "background N" term: only the same accounts' usernames ("bg1 N") follow, all listed already
        requests.put(SEARCH_LATE,
                new Request(fresh, "/users?q=b&cursor=" + CursorCodec.encode(1, 0, "bc")));
        requests.put("suggestions for a new account",
                new Request(lonely, "/suggestions"));
        requests.put("suggestions for an account following 500 accounts",
                new Request(crowd, "/suggestions"));

        execute("create extension if not exists pg_stat_statements");
        Map<String, long[]> result = new LinkedHashMap<>();
        for (int generation = 1; generation <= 2; generation++) {
            // the busy account's old posts double too (before the data's ANALYZE): the merge must stop reading
            // them at the page's bound
            execute("insert into posts (author_id, caption, created_at) select ?, 'old ' || i,"
                    + " now() - interval '200 days' - (? * 30000 + i) * interval '1 minute' from generate_series(1, 30000) i",
                    busy.id(), generation);
            try (Connection connection = dataSource.getConnection()) {
                BackgroundData.grow(connection, generation, star.id());
            }
            if (generation == 1) {
                // the crowd follows and blocks many accounts of the first generation only: its own graph stays fixed
                execute("""
                        insert into follows (follower_id, followee_id, status, created_at, accepted_at)
                        select ?, id, 'accepted', now(), now() from users where username like 'bg1\\_%' and id % 3 = 0
                        on conflict do nothing""", crowd.id());
                execute("insert into blocks (blocker_id, blocked_id) select ?, id from users"
                        + " where username like 'bg1\\_%' and id % 7 = 1 on conflict do nothing", crowd.id());
            }
            ranking.refresh(true);
            popular.refresh(true);
            for (Map.Entry<String, Request> request : requests.entrySet()) {
                result.computeIfAbsent(request.getKey(), key -> new long[2])[generation - 1] =
                        buffersOf(request.getValue().user().accessToken(), request.getValue().path());
            }
        }
        return result;
    }

    /**
     * An account following 25 accounts that posted once in the last hour and {@code busy}, whose newest post is
     * the newest of all (its old posts are added per generation): fewer than 50 accounts followed, so the merge
     * answers, and the busy account's head reaches the page on the first page and precedes the cursor on the
     * second.
     */
    private TestUser readerOf(TestUser busy) {
        TestUser reader = TestUsers.create();
        String prefix = reader.username() + "_f";
        execute("insert into users (username, email, password_hash, name) select ? || i, ? || i || '@bg.example',"
                + " 'x', 'Followee' from generate_series(1, 25) i", prefix, prefix);
        execute("insert into posts (author_id, caption, created_at) select u.id, 'recent', now() - i * interval '1 minute'"
                + " from generate_series(1, 25) i join users u on u.username = ? || i", prefix);
        execute("insert into follows (follower_id, followee_id, status, created_at, accepted_at)"
                + " select ?, u.id, 'accepted', now(), now() from generate_series(1, 25) i join users u on u.username = ? || i",
                reader.id(), prefix);
        TestPosts.follow(reader, busy);
        TestPosts.publishId(busy);
        return reader;
    }

    private record Request(TestUser user, String path) {
    }

    /** The fewest shared buffers of three runs of one request (a background job may add to one run). */
    private long buffersOf(String token, String path) {
        RestAssured.given().auth().oauth2(token).get(path).then().statusCode(200); // warm caches
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            queryValue("select pg_stat_statements_reset()");
            RestAssured.given().auth().oauth2(token).get(path).then().statusCode(200);
            long buffers = ((Number) queryValue("select coalesce(sum(shared_blks_hit + shared_blks_read), 0)"
                    + " from pg_stat_statements where query not like '%pg_stat_statements%'")).longValue();
            fewest = Math.min(fewest, buffers);
        }
        return fewest;
    }
}
