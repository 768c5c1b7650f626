package app.shutter.bench.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** Scenario 1: a random account reads its home feed's first page, then the page after its cursor. */
public class HomeFeedSimulation extends Simulation {

    private final ScenarioBuilder homeFeed = scenario("home feed")
            .feed(listFeeder(Accounts.sessions(Accounts.login(Bench.sampleAccounts(Bench.LOGINS)))).random())
            .exec(http("home feed: first page").get("/feed")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.items[0].id").exists(),
                            jsonPath("$.nextCursor").optional().saveAs("cursor")))
            .doIf(session -> session.contains("cursor") && !"null".equals(session.getString("cursor"))).then(
                    exec(http("home feed: next page").get("/feed").queryParam("cursor", "#{cursor}")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200))));

    {
        setUp(Bench.inject(homeFeed)).protocols(Bench.protocol())
                .assertions(Bench.noFailures());
    }
}
