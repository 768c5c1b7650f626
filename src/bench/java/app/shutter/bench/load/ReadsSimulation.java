package app.shutter.bench.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** Scenario 2: a random account opens a profile, its followers, one of its posts and that post's comments. */
public class ReadsSimulation extends Simulation {

    private final ScenarioBuilder reads = scenario("profile, followers, post and comments")
            .feed(listFeeder(Accounts.sessions(Accounts.login(Bench.sampleAccounts(Bench.LOGINS)))).random())
            .feed(listFeeder(Samples.publicPosts(20_000)).random())
            .exec(http("profile").get("/users/#{author}").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.username").isEL("#{author}")))
            .exec(http("followers").get("/users/#{author}/followers").header("Authorization", "Bearer #{token}")
                    .check(status().is(200)))
            .exec(http("post").get("/posts/#{postId}").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.id").ofLong().isEL("#{postId}")))
            .exec(http("post comments").get("/posts/#{postId}/comments").header("Authorization", "Bearer #{token}")
                    .check(status().is(200)));

    {
        setUp(Bench.inject(reads)).protocols(Bench.protocol())
                .assertions(Bench.noFailures());
    }
}
