package app.shutter.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.http.action.sse.SseInboundMessage;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenario 5: bench.subscribers accounts hold a notification stream (SSE) while other accounts like their posts
 * at bench.likesPerSecond. Latency is from just before the like request to the event's arrival on the author's
 * stream; every like is looked for on the stream.
 */
public class NotificationsSimulation extends Simulation {

    private static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 1_000);
    private static final double LIKES_PER_SECOND = Double.parseDouble(Bench.property("bench.likesPerSecond", "100"));
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deliveries deliveries = new Deliveries("notifications");
    // a liker and post can come up twice: sends and receipts of the same pair are numbered in order
    private final Map<String, AtomicLong> sentPerPair = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> receivedPerPair = new ConcurrentHashMap<>();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Boolean> notificationIds = new ConcurrentHashMap<>();

    private final List<Map<String, Object>> authors = Samples.query("""
            select (substring(u.username from 6))::int as n, max(p.id) as "postId"
            from users u join posts p on p.author_id = u.id
            where not u.is_private and u.username like 'bench%%'
            group by u.id order by u.id limit %d""".formatted(SUBSCRIBERS));
    private final List<Map<String, Object>> subscribers = Accounts.sessions(Accounts.login(
            authors.stream().map(row -> ((Number) row.get("n")).intValue()).toList()));
    private final List<Map<String, Object>> likers = Accounts.sessions(Accounts.login(
            Bench.sampleAccounts(Bench.ACCOUNTS).stream().filter(n -> n > SUBSCRIBERS * 2 && n % 10 != 0)
                    .limit(500).toList()));

    private final ScenarioBuilder subscriber = scenario("notification subscribers")
            .feed(listFeeder(subscribers))
            .exec(sse("stream").get("/notifications/stream?token=#{token}"))
            .during(SETTLE.plus(Bench.DURATION).plus(DRAIN)).on(
                    pause(Duration.ofSeconds(1)).exec(sse.processUnmatchedMessages(this::collect)))
            .exec(sse.processUnmatchedMessages(this::collect))
            .exec(sse("stream").close());

    private final ScenarioBuilder liker = scenario("likers")
            .feed(listFeeder(likers).random())
            .feed(listFeeder(authors).random())
            // a like already there would not notify again
            .exec(http("unlike (before)").delete("/posts/#{postId}/like").header("Authorization", "Bearer #{token}")
                    .check(status().is(200)))
            .exec(session -> {
                String pair = session.getLong("postId") + ":" + session.getLong("userId");
                long seq = sentPerPair.computeIfAbsent(pair, key -> new AtomicLong()).incrementAndGet();
                sentAt.put(pair + "#" + seq, System.currentTimeMillis());
                return session.set("likeKey", pair + "#" + seq);
            })
            .exec(http("like").post("/posts/#{postId}/like").header("Authorization", "Bearer #{token}")
                    .check(status().is(200)))
            .exec(session -> {
                if (!session.isFailed()) {
                    deliveries.sent(session.getString("likeKey"));
                }
                return session;
            });

    {
        setUp(subscriber.injectOpen(atOnceUsers(subscribers.size())),
                liker.injectOpen(nothingFor(SETTLE), constantUsersPerSec(LIKES_PER_SECOND).during(Bench.DURATION)))
                .protocols(Bench.protocol())
                .assertions(Bench.noFailures());
    }

    @Override
    public void after() {
        deliveries.report();
    }

    private Session collect(List<SseInboundMessage> messages, Session session) {
        for (SseInboundMessage inbound : messages) {
            try {
                JsonNode event = JSON.readTree(inbound.message());
                if (!event.has("data")) {
                    continue; // the stream's retry hint
                }
                // Gatling hands JSON data over as an object, other data as a string
                JsonNode data = event.path("data").isTextual() ? JSON.readTree(event.path("data").asText())
                        : event.path("data");
                if (!"like".equals(data.path("type").asText())) {
                    deliveries.unexpected();
                    continue;
                }
                if (notificationIds.putIfAbsent(data.path("id").asText(), true) != null) {
                    deliveries.duplicate();
                    continue;
                }
                String pair = data.path("post").path("id").asLong() + ":" + data.path("actor").path("id").asLong();
                String key = pair + "#" + receivedPerPair.computeIfAbsent(pair, k -> new AtomicLong()).incrementAndGet();
                Long sent = sentAt.get(key);
                deliveries.received(key, sent == null ? inbound.timestamp() : sent, inbound.timestamp());
            } catch (Exception e) {
                deliveries.unexpected();
            }
        }
        return session;
    }
}
