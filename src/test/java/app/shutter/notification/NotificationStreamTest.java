package app.shutter.notification;

import app.shutter.support.ApiTest;
import app.shutter.support.SseClient;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import app.shutter.common.events.PostgresClusterEvents;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class NotificationStreamTest extends ApiTest {

    @TestHTTPResource("/notifications/stream")
    URI stream;

    @Test
    void a_like_by_someone_else_arrives_as_an_event_on_every_open_stream() throws Exception {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long post = TestPosts.publishId(author);
        try (SseClient phone = open(author, null).awaitOpen();
             SseClient browser = SseClient.open(withToken(author), Map.of()).awaitOpen()) {
            assertThat(phone.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            fan.request().post("/posts/" + post + "/like").then().statusCode(200);

            for (SseClient client : new SseClient[] {phone, browser}) {
                SseClient.Event event = client.next();
                assertThat(event.name()).isEqualTo("like");
                assertThat(event.id()).isNotBlank();
                JsonPath data = new JsonPath(event.data());
                assertThat(data.getString("actor.username")).isEqualTo(fan.username());
                assertThat(data.getLong("post.id")).isEqualTo(post);
                assertThat(data.getBoolean("read")).isFalse();
            }
        }
    }

    @Test
    void a_client_resuming_with_last_event_id_first_gets_what_it_missed_in_order() throws Exception {
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        TestUser first = TestUsers.create();
        String lastSeen;
        try (SseClient client = open(author, null).awaitOpen()) {
            first.request().post("/posts/" + post + "/like").then().statusCode(200);
            lastSeen = client.next().id();
        }
        TestUser second = TestUsers.create();
        TestUser third = TestUsers.create();
        second.request().post("/posts/" + post + "/like").then().statusCode(200);
        TestPosts.comment(third, post, "missed me?", null);

        try (SseClient client = open(author, lastSeen)) {
            SseClient.Event missedLike = client.next();
            SseClient.Event missedComment = client.next();
            assertThat(new JsonPath(missedLike.data()).getString("actor.username")).isEqualTo(second.username());
            assertThat(missedComment.name()).isEqualTo("comment");
            assertThat(Long.parseLong(missedComment.id())).isGreaterThan(Long.parseLong(missedLike.id()));
            TestPosts.follow(TestUsers.create(), author);
            assertThat(client.next().name()).isEqualTo("follow");
        }
    }

    @Test
    void a_browser_opening_a_new_stream_with_its_token_and_last_event_id_in_the_query_resumes_there() throws Exception {
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        String lastSeen;
        try (SseClient client = SseClient.open(withToken(author), Map.of()).awaitOpen()) {
            TestUsers.create().request().post("/posts/" + post + "/like").then().statusCode(200);
            lastSeen = client.next().id();
        }
        TestUser missed = TestUsers.create();
        missed.request().post("/posts/" + post + "/like").then().statusCode(200);

        URI resumed = URI.create(withToken(author) + "&lastEventId=" + lastSeen);
        try (SseClient client = SseClient.open(resumed, Map.of())) {
            assertThat(actorOf(client.next())).isEqualTo(missed.username());
        }
        try (SseClient client = SseClient.open(URI.create(withToken(author) + "&lastEventId=abc"), Map.of())) {
            assertThat(client.status()).isEqualTo(400);
        }
    }

    /**
     * Two actions for one recipient whose transactions overlap: the first pauses inside its transaction after
     * writing its notification, the second starts meanwhile and must not overtake it. Resuming after either
     * event loses nothing.
     */
    @Test
    void overlapping_transactions_are_delivered_in_commit_order_and_resuming_loses_none() throws Exception {
        TestUser author = TestUsers.create();
        TestUser slow = TestUsers.create();
        TestUser quick = TestUsers.create();
        long post = TestPosts.publishId(author);
        String before;
        try (AutoCloseable pause = whenNotifiedBy(slow, "perform pg_sleep(2)");
             SseClient client = open(author, null).awaitOpen()) {
            before = String.valueOf(queryValue("select coalesce(max(seq), 0) from notifications where recipient_id = ?",
                    author.id()));
            CompletableFuture<Void> slowLike = CompletableFuture.runAsync(
                    () -> slow.request().post("/posts/" + post + "/like").then().statusCode(200));
            awaitPausedTransaction();
            quick.request().post("/posts/" + post + "/like").then().statusCode(200);
            slowLike.get();

            assertThat(actorOf(client.next())).isEqualTo(slow.username());
            assertThat(actorOf(client.next())).isEqualTo(quick.username());
        }
        try (SseClient resumed = open(author, before)) {
            SseClient.Event slowEvent = resumed.next();
            assertThat(actorOf(slowEvent)).isEqualTo(slow.username());
            assertThat(actorOf(resumed.next())).isEqualTo(quick.username());
            try (SseClient afterFirst = open(author, slowEvent.id())) {
                assertThat(actorOf(afterFirst.next())).isEqualTo(quick.username());
            }
        }
    }

    @Test
    void an_action_whose_transaction_rolls_back_sends_nothing() throws Exception {
        TestUser author = TestUsers.create();
        TestUser failing = TestUsers.create();
        TestUser fine = TestUsers.create();
        long post = TestPosts.publishId(author);
        try (AutoCloseable failure = whenNotifiedBy(failing, "raise exception 'simulated failure'");
             SseClient client = open(author, null).awaitOpen()) {
            failing.request().post("/posts/" + post + "/like").then().statusCode(500);
            fine.request().post("/posts/" + post + "/like").then().statusCode(200);
            assertThat(actorOf(client.next())).isEqualTo(fine.username());
        }
        assertThat(queryValue("select like_count from posts where id = ?", post)).isEqualTo(1);
    }

    @Test
    void a_last_event_id_that_is_not_an_id_this_stream_sent_is_a_400_problem() throws Exception {
        TestUser user = TestUsers.create();
        for (String hostile : new String[] {"abc", "-1", "1.5", "1e3", "0x10", "99999999999999999999",
                "9223372036854775808", "1;drop table notifications", "%00"}) {
            try (SseClient client = open(user, hostile)) {
                assertThat(client.status()).as(hostile).isEqualTo(400);
                assertThat(client.response().headers().firstValue("Content-Type")).as(hostile)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
    }

    @Test
    void a_bad_or_missing_token_is_refused_before_the_stream_opens() throws Exception {
        for (URI uri : new URI[] {stream, URI.create(stream + "?token=not-a-jwt")}) {
            try (SseClient client = SseClient.open(uri, Map.of())) {
                assertThat(client.status()).isEqualTo(401);
                assertThat(client.response().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
                assertThat(client.response().headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
    }

    @Test
    void the_stream_ends_when_its_session_logs_out() throws Exception {
        TestUser user = TestUsers.create();
        try (SseClient client = SseClient.open(withToken(user), Map.of()).awaitOpen()) {
            user.request().body(Map.of("refreshToken", user.refreshToken())).post("/auth/logout").then()
                    .statusCode(204);
            assertThat(client.ended()).isTrue();
        }
        try (SseClient again = SseClient.open(withToken(user), Map.of())) {
            assertThat(again.status()).isEqualTo(401);
        }
    }

    @Test
    void the_stream_ends_when_its_token_expires() throws Exception {
        TestUser user = TestUsers.create();
        String shortLived = TestUsers.tokenExpiringAt(user, Instant.now().plusSeconds(3));
        try (SseClient client = open(user.withTokens(shortLived, null), null).awaitOpen()) {
            assertThat(client.ended()).isTrue();
        }
    }

    @Test
    void events_still_arrive_after_the_listening_connection_was_cut() throws Exception {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long post = TestPosts.publishId(author);
        try (SseClient client = open(author, null).awaitOpen()) {
            assertThat(queryValue("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where application_name = ?", PostgresClusterEvents.APPLICATION_NAME)).isEqualTo(1L);
            fan.request().post("/posts/" + post + "/like").then().statusCode(200);
            assertThat(actorOf(client.next())).isEqualTo(fan.username());
        }
    }

    /** Runs a PL/pgSQL statement inside the transaction that stores a notification by this actor. */
    private AutoCloseable whenNotifiedBy(TestUser actor, String statement) {
        execute("""
                create or replace function test_on_notification() returns trigger language plpgsql as $$
                begin if new.actor_id = %d then %s; end if; return new; end $$""".formatted(actor.id(), statement));
        execute("create trigger test_on_notification after insert on notifications for each row"
                + " execute function test_on_notification()");
        return () -> execute("drop trigger test_on_notification on notifications");
    }

    private SseClient open(TestUser user, String lastEventId) throws Exception {
        return SseClient.open(stream, lastEventId == null ? Map.of("Authorization", "Bearer " + user.accessToken())
                : Map.of("Authorization", "Bearer " + user.accessToken(), "Last-Event-ID", lastEventId));
    }

    private URI withToken(TestUser user) {
        return URI.create(stream + "?token=" + URLEncoder.encode(user.accessToken(), StandardCharsets.UTF_8));
    }

    private static String actorOf(SseClient.Event event) {
        return new JsonPath(event.data()).getString("actor.username");
    }

    private void awaitPausedTransaction() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if ((Long) queryValue("select count(*) from pg_stat_activity where wait_event = 'PgSleep'") > 0) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the first transaction never paused");
    }
}
