package app.shutter.graph;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ConcurrentFollowTest extends ApiTest {

    @Test
    void parallel_follows_and_unfollows_leave_exact_counts() throws Exception {
        TestUser star = TestUsers.create();
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fans.add(TestUsers.create());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (TestUser fan : fans) {
                for (int i = 0; i < 6; i++) {
                    boolean follow = i % 2 == 0;
                    calls.add(() -> follow
                            ? fan.request().post("/users/" + star.username() + "/follow").statusCode()
                            : fan.request().delete("/users/" + star.username() + "/follow").statusCode());
                }
                // and back at the star, so opposite follows race too
                calls.add(() -> star.request().post("/users/" + fan.username() + "/follow").statusCode());
            }
            for (Future<Integer> result : pool.invokeAll(calls)) {
                assertThat(result.get()).isIn(200, 204);
            }
        } finally {
            pool.shutdownNow();
        }
        long followers = (Long) queryValue("select count(*) from follows where followee_id = ? and status = 'accepted'",
                star.id());
        long following = (Long) queryValue("select count(*) from follows where follower_id = ? and status = 'accepted'",
                star.id());
        assertThat(queryValue("select followers_count from users where id = ?", star.id())).isEqualTo((int) followers);
        assertThat(queryValue("select following_count from users where id = ?", star.id())).isEqualTo((int) following);
        assertThat(following).isEqualTo(8);
        for (TestUser fan : fans) {
            long fanFollowing = (Long) queryValue(
                    "select count(*) from follows where follower_id = ? and status = 'accepted'", fan.id());
            assertThat(queryValue("select following_count from users where id = ?", fan.id()))
                    .isEqualTo((int) fanFollowing);
        }
    }
}
