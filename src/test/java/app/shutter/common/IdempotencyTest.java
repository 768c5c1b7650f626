package app.shutter.common;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Idempotency-Key on POST /posts, /stories and /posts/{id}/comments: a retried create creates nothing new. */
@QuarkusTest
class IdempotencyTest extends ApiTest {

    private static final byte[] PHOTO = MediaSamples.jpeg(64, 48);

    private static ExtractableResponse<Response> upload(TestUser user, String key, String caption) {
        return user.upload().header("Idempotency-Key", key).multiPart("media", "p.jpg", PHOTO, "image/jpeg")
                .multiPart(new MultiPartSpecBuilder(caption).controlName("caption").build())
                .post("/posts").then().extract();
    }

    private long posts(TestUser user) {
        return (Long) queryValue("select count(*) from posts where author_id = ?", user.id());
    }

    @Test
    void a_retried_upload_answers_the_first_post_and_creates_no_second() {
        TestUser user = TestUsers.create();
        ExtractableResponse<Response> first = upload(user, "retry-1", "once");
        ExtractableResponse<Response> again = upload(user, "retry-1", "once");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.jsonPath().getLong("id")).isEqualTo(first.jsonPath().getLong("id"));
        assertThat(again.jsonPath().getString("media[0].url")).isEqualTo(first.jsonPath().getString("media[0].url"));
        assertThat(posts(user)).isEqualTo(1);

        assertThat(upload(user, "retry-2", "once").statusCode()).isEqualTo(201); // another key: another post
        assertThat(posts(user)).isEqualTo(2);
        TestUser other = TestUsers.create(); // keys are per account
        assertThat(upload(other, "retry-1", "once").statusCode()).isEqualTo(201);
    }

    @Test
    void the_same_key_with_another_request_is_a_422_and_a_bad_key_a_400() {
        TestUser user = TestUsers.create();
        upload(user, "k", "first words");
        ExtractableResponse<Response> different = upload(user, "k", "other words");
        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(different.contentType()).startsWith("application/problem+json");
        assertThat(upload(user, "x".repeat(256), "words").statusCode()).isEqualTo(400);
        assertThat(upload(user, "tab\tkey", "words").statusCode()).isEqualTo(400);
        assertThat(posts(user)).isEqualTo(1);
    }

    @Test
    void concurrent_retries_of_one_upload_create_one_post() throws Exception {
        TestUser user = TestUsers.create();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<ExtractableResponse<Response>>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                sent.add(pool.submit((Callable<ExtractableResponse<Response>>) () -> upload(user, "burst", "same")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> response : sent) {
                statuses.add(response.get().statusCode());
            }
            assertThat(statuses).allMatch(status -> status == 201 || status == 409);
            assertThat(statuses).contains(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(posts(user)).isEqualTo(1);
        assertThat(upload(user, "burst", "same").statusCode()).isEqualTo(201); // and after: the first answer
        assertThat(posts(user)).isEqualTo(1);
    }

    @Test
    void a_key_whose_request_still_runs_is_a_409_until_its_lease_ends_then_the_retry_runs() {
        TestUser user = TestUsers.create();
        String fingerprint = fingerprintOf("the crashed one");
        execute("insert into idempotency_keys (user_id, key, fingerprint, lease_until) values (?, 'leased', ?,"
                + " now() + interval '1 minute')", user.id(), fingerprint);
        ExtractableResponse<Response> running = upload(user, "leased", "the crashed one");
        assertThat(running.statusCode()).isEqualTo(409);
        assertThat(running.jsonPath().getString("detail")).contains("still running");

        // the instance that held it crashed: once the lease has run out, the retry does the work
        execute("update idempotency_keys set lease_until = now() - interval '1 second' where user_id = ?", user.id());
        assertThat(upload(user, "leased", "the crashed one").statusCode()).isEqualTo(201);
        assertThat(posts(user)).isEqualTo(1);
    }

    @Test
    void a_request_that_fails_releases_its_key() {
        TestUser user = TestUsers.create();
        ExtractableResponse<Response> refused = upload(user, "fix-and-retry", "x".repeat(2201));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(upload(user, "fix-and-retry", "shorter").statusCode()).isEqualTo(201);
        assertThat(queryValue("select count(*) from idempotency_keys where user_id = ?", user.id())).isEqualTo(1L);
    }

    @Test
    void comments_and_stories_are_created_once_per_key() {
        TestUser user = TestUsers.create();
        long post = TestPosts.publishId(user);
        long first = user.request().header("Idempotency-Key", "c1").body(Map.of("text", "hello"))
                .post("/posts/" + post + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");
        user.request().header("Idempotency-Key", "c1").body(Map.of("text", "hello"))
                .post("/posts/" + post + "/comments").then().statusCode(201).body("id", equalTo((int) first));
        user.request().header("Idempotency-Key", "c1").body(Map.of("text", "changed"))
                .post("/posts/" + post + "/comments").then().statusCode(422);
        assertThat(queryValue("select comment_count from posts where id = ?", post)).isEqualTo(1);

        for (int i = 0; i < 2; i++) {
            user.upload().header("Idempotency-Key", "s1").multiPart("media", "s.jpg", PHOTO, "image/jpeg")
                    .post("/stories").then().statusCode(201).header("Location", containsString("/stories/"));
        }
        assertThat(queryValue("select count(*) from stories where author_id = ?", user.id())).isEqualTo(1L);
    }

    /** The fingerprint a request makes, read from the key it leaves (then the key is forgotten). */
    private String fingerprintOf(String caption) {
        TestUser probe = TestUsers.create();
        upload(probe, "probe", caption);
        String fingerprint = (String) queryValue("select fingerprint from idempotency_keys where user_id = ?",
                probe.id());
        execute("delete from idempotency_keys where user_id = ?", probe.id());
        return fingerprint;
    }
}
