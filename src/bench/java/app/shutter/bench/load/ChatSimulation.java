package app.shutter.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * Scenario 4: bench1..benchN (N = bench.connections) each hold a chat socket (ramped over bench.rampSeconds),
 * then every odd account sends to its mutual follower (bench1 to bench2, bench3 to bench4, ...) at a pace that
 * makes bench.messagesPerSecond in total. Each message carries its send time; the recipient's receipt time gives
 * the delivery latency, and every acknowledged message is looked for on the recipient's socket.
 */
public class ChatSimulation extends Simulation {

    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 10_000) / 2 * 2;
    private static final double MESSAGES_PER_SECOND = Double.parseDouble(Bench.property("bench.messagesPerSecond",
            "1000"));
    private static final Duration RAMP = Duration.ofSeconds(Integer.getInteger("bench.rampSeconds", 60));
    /** Each sending socket (half of them) sends once per interval. */
    private static final Duration INTERVAL = Duration.ofMillis(Math.round(CONNECTIONS / 2.0 / MESSAGES_PER_SECOND
            * 1000));
    private static final Duration DRAIN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deliveries deliveries = new Deliveries("chat");
    private final List<Map<String, Object>> sockets = withPartners(
            Accounts.login(IntStream.rangeClosed(1, CONNECTIONS).boxed().toList()));
    // every socket is open before the first message (ramp plus a margin for Gatling's own start)
    private final long sendingStartsAt = System.currentTimeMillis() + RAMP.toMillis() + 10_000;

    // odd accounts send to their partner, even ones only receive: Gatling empties a socket's buffer of
    // unmatched frames whenever that socket sends, so a socket that sends cannot count what it receives
    private final ScenarioBuilder chat = scenario("chat")
            .feed(listFeeder(sockets))
            .exec(ws("connect").connect("/chat?token=#{token}"))
            .pause(session -> Duration.ofMillis(Math.max(0, sendingStartsAt - System.currentTimeMillis())
                    + (isSender(session) ? ThreadLocalRandom.current().nextLong(INTERVAL.toMillis()) : 0)))
            .doIfOrElse(ChatSimulation::isSender).then(
                    // not interrupted between a send and its bookkeeping (exitASAP = false)
                    during(Bench.DURATION, false).on(pace(INTERVAL)
                            .exec(session -> session.set("clientId", session.getInt("n") + "-" + System.nanoTime()))
                            // the answer to this frame, ack or error: a refusal fails at once and says why
                            .exec(ws("send").sendText(this::frame).await(Duration.ofSeconds(10)).on(
                                    ws.checkTextMessage("ack").matching(jsonPath("$.clientId").isEL("#{clientId}"))
                                            .check(jsonPath("$.type").is("ack"), jsonPath("$.id").saveAs("ackId"))))
                            .exec(session -> {
                                if (session.contains("ackId")) {
                                    deliveries.sent(session.getString("ackId"));
                                }
                                return session.remove("ackId");
                            }))
                            .pause(DRAIN))
            .orElse(
                    // senders start up to one interval late: receivers listen that much longer
                    during(Bench.DURATION.plus(INTERVAL).plus(DRAIN)).on(
                            pause(Duration.ofSeconds(1)).exec(ws.processUnmatchedMessages(this::collect)))
                            .exec(ws.processUnmatchedMessages(this::collect)))
            .exec(ws("close").close());

    {
        setUp(chat.injectOpen(rampUsers(CONNECTIONS).during(RAMP))).protocols(Bench.protocol())
                .assertions(Bench.noFailures());
    }

    @Override
    public void after() {
        deliveries.report();
    }

    private static boolean isSender(Session session) {
        return session.getInt("n") % 2 == 1;
    }

    private String frame(Session session) {
        return "{\"recipientId\":" + session.getLong("partnerId") + ",\"clientId\":\"" + session.getString("clientId")
                + "\",\"messageText\":\"bench " + System.currentTimeMillis() + "\"}";
    }

    private Session collect(List<WsInboundMessage> messages, Session session) {
        for (WsInboundMessage inbound : messages) {
            if (!(inbound instanceof WsInboundMessage.Text text)) {
                continue;
            }
            try {
                JsonNode frame = JSON.readTree(text.message());
                if ("message".equals(frame.path("type").asText())) {
                    long sentAt = Long.parseLong(frame.path("messageText").asText().substring("bench ".length()));
                    deliveries.received(frame.path("id").asText(), sentAt, inbound.timestamp());
                } else if (!"ack".equals(frame.path("type").asText())) {
                    deliveries.unexpected();
                }
            } catch (Exception e) {
                deliveries.unexpected();
            }
        }
        return session;
    }

    /** Each account with the user id of its chat partner (bench2k-1 and bench2k follow each other). */
    private static List<Map<String, Object>> withPartners(List<Accounts.Account> accounts) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            Map<String, Object> values = accounts.get(i).asSession();
            values.put("partnerId", accounts.get(i % 2 == 0 ? i + 1 : i - 1).id());
            sessions.add(values);
        }
        return sessions;
    }
}
