package app.shutter.bench.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.http.HttpDsl.RawFileBodyPart;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenario 3: like and unlike, comment, follow and unfollow a post's author, and (one virtual user in five)
 * create a post with a small photo. Afterwards every like, comment and follower counter is compared with its
 * rows.
 */
public class WritesSimulation extends Simulation {

    private static final double POSTING_PERCENT = Double.parseDouble(Bench.property("bench.postingPercent", "20"));

    private final ChainBuilder createPost = exec(http("create post").post("/posts")
            .header("Authorization", "Bearer #{token}")
            .bodyPart(RawFileBodyPart("media", "bench-photo.jpg").contentType("image/jpeg").fileName("bench-photo.jpg"))
            .bodyPart(StringBodyPart("caption", "Load test #benchload"))
            .asMultipartForm()
            .check(status().is(201)));

    /** -Dbench.likesOnly=true: only the like and unlike pair, the same work as src/bench/pgbench/like-unlike.sql. */
    private static final boolean LIKES_ONLY = Boolean.getBoolean("bench.likesOnly");

    private final ChainBuilder likeAndUnlike = exec(http("like").post("/posts/#{postId}/like")
            .header("Authorization", "Bearer #{token}").check(status().is(200)))
            .exec(http("unlike").delete("/posts/#{postId}/like").header("Authorization", "Bearer #{token}")
                    .check(status().is(200)));

    private final ChainBuilder others = exec(http("comment").post("/posts/#{postId}/comments")
                    .header("Authorization", "Bearer #{token}")
                    .body(StringBody("{\"text\":\"Load test comment by #{username}\"}")).asJson()
                    .check(status().is(201)))
            // never the account itself, nor its chat partner: unfollowing the partner would break the mutual
            // pair that ChatSimulation relies on (its messages would then be refused as not_mutual_followers)
            .doIf(session -> !session.getString("author").equals(session.getString("username"))
                    && !session.getString("author").equals(Accounts.chatPartner(session.getInt("n")))).then(
                    exec(http("follow").post("/users/#{author}/follow").header("Authorization", "Bearer #{token}")
                            .check(status().is(200)))
                    .exec(http("unfollow").delete("/users/#{author}/follow")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(204))))
            .randomSwitch().on(percent(POSTING_PERCENT).then(createPost));

    private final ScenarioBuilder writes = scenario("writes")
            .feed(listFeeder(Accounts.sessions(Accounts.login(Bench.sampleAccounts(Bench.LOGINS)))).random())
            .feed(listFeeder(Samples.publicPosts(20_000)).random())
            .exec(likeAndUnlike)
            .doIf(session -> !LIKES_ONLY).then(others);

    {
        setUp(Bench.inject(writes)).protocols(Bench.protocol())
                .assertions(Bench.noFailures());
    }

    @Override
    public void after() {
        long wrong = Samples.wrongCounters();
        System.out.println(wrong == 0 ? "counters exact: every like, comment and follower counter equals its rows"
                : "COUNTERS WRONG: " + wrong + " posts or users disagree with their rows");
    }
}
