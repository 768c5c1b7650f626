package app.shutter.bench.load;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The harness's settings, all system properties (-Dbench.x=...) with defaults for a local run against the
 * default data set (docs/performance.md).
 */
final class Bench {

    static final String BASE_URL = property("bench.baseUrl", "http://localhost:8080");
    static final String JDBC_URL = property("bench.jdbcUrl", "jdbc:postgresql://localhost:55432/shutter");
    static final String DB_USER = property("bench.dbUser", "postgres");
    static final String DB_PASSWORD = property("bench.dbPassword", "postgres");
    /** Generated accounts are bench1..benchN (app.shutter.bench.DataSet). */
    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 10_000);
    /** Accounts the harness logs in and draws its virtual users from. */
    static final int LOGINS = Integer.getInteger("bench.logins", 2_000);
    static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
    /** Closed model (throughput): this many virtual users busy at all times; 0 = open model at bench.rate. */
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    /** Open model (latency at a given load): virtual users started per second. */
    static final double RATE = Double.parseDouble(property("bench.rate", "0"));
    static final String PASSWORD = "bench-passphrase-1";

    private Bench() {
    }

    static HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE_URL)
                .wsBaseUrl(BASE_URL.replaceFirst("^http", "ws"))
                .acceptHeader("application/json")
                .userAgentHeader("shutter-bench")
                .wsUnmatchedInboundMessageBufferSize(1_000)
                .sseUnmatchedInboundMessageBufferSize(1_000);
    }

    /** bench.rate > 0: an open model at that many new virtual users per second; else a closed model. */
    static PopulationBuilder inject(ScenarioBuilder scenario) {
        return RATE > 0
                ? scenario.injectOpen(constantUsersPerSec(RATE).during(DURATION))
                : scenario.injectClosed(constantConcurrentUsers(CONCURRENCY).during(DURATION));
    }

    /** A run with a failed request or check exits non-zero (the report is still written). */
    static Assertion noFailures() {
        return global().failedRequests().count().is(0L);
    }

    /** {@code count} distinct account numbers in 1..ACCOUNTS, the same ones on every run. */
    static List<Integer> sampleAccounts(int count) {
        List<Integer> all = new ArrayList<>(IntStream.rangeClosed(1, ACCOUNTS)
                .boxed().toList());
        Collections.shuffle(all, new Random(42));
        return all.subList(0, Math.min(count, all.size()));
    }

    static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
