package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Thirty deletes of one thing at once: exactly one deletes it, the others get 404, counters stay exact. */
@QuarkusTest
class ConcurrentDeleteTest extends ApiTest {

    private static final int CALLS = 30;

    @Test
    void one_of_thirty_concurrent_deletes_of_a_reply_deletes_it_and_the_counts_stay_exact() throws Exception {
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        long thread = TestPosts.comment(author, post, "thread", null);
        long reply = TestPosts.comment(author, post, "reply", thread);
        TestPosts.comment(author, post, "another reply", thread);
        assertThat(statuses(author, "/comments/" + reply)).isEqualTo(Map.of(204, 1, 404, CALLS - 1));
        assertThat(queryValue("select comment_count from posts where id = ?", post)).isEqualTo(2);
        assertThat(queryValue("select reply_count from comments where id = ?", thread)).isEqualTo(1);
    }

    @Test
    void one_of_thirty_concurrent_deletes_of_a_post_deletes_it_and_the_post_count_stays_exact() throws Exception {
        TestUser author = TestUsers.create();
        TestPosts.publishId(author);
        long post = TestPosts.publishId(author);
        assertThat(statuses(author, "/posts/" + post)).isEqualTo(Map.of(204, 1, 404, CALLS - 1));
        assertThat(queryValue("select posts_count from users where id = ?", author.id())).isEqualTo(1);
    }

    @Test
    void one_of_thirty_concurrent_deletes_of_a_story_deletes_it() throws Exception {
        TestUser author = TestUsers.create();
        long story = TestStories.postId(author);
        assertThat(statuses(author, "/stories/" + story)).isEqualTo(Map.of(204, 1, 404, CALLS - 1));
        assertThat(queryValue("select count(*) from stories where id = ?", story)).isEqualTo(0L);
    }

    /** How many of the concurrent deletes answered each status. */
    private static Map<Integer, Integer> statuses(TestUser user, String path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return user.request().delete(path).then().extract().statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> call : calls) {
                counts.merge(call.get(), 1, Integer::sum);
            }
            return counts;
        } finally {
            pool.shutdown();
        }
    }
}
