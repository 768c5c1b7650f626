package app.shutter.moderation;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.shutter.support.TestUsers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Anyone may report what they can see; the reporter, and only they, follow their reports. */
@QuarkusTest
class ReportTest extends ApiTest {

    @BeforeEach
    void noReportsYet() {
        // each test counts and lists reports, cases and log entries from nothing
        execute("truncate moderation_log, moderation_case_reasons, reports, moderation_cases cascade");
    }

    private static Map<String, Object> report(String kind, long id, String reason) {
        return Map.of("kind", kind, "targetId", id, "reason", reason);
    }

    @Test
    void a_report_of_a_visible_post_is_created_and_listed_for_its_reporter_only() {
        TestUser author = TestUsers.create();
        TestUser reporter = TestUsers.create();
        long post = TestPosts.publishId(author);
        var created = reporter.request().body(Map.of("kind", "post", "targetId", post, "reason", "spam",
                        "text", "  buy followers here  ")).post("/reports").then().statusCode(201)
                .body("kind", equalTo("post")).body("targetId", equalTo((int) post)).body("reason", equalTo("spam"))
                .body("text", equalTo("buy followers here")).body("status", equalTo("open"))
                .body("outcome", nullValue()).extract();
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/reports/" + id);
        reporter.request().get("/reports/" + id).then().statusCode(200).body("id", equalTo((int) id));
        reporter.request().get("/reports").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].id", equalTo((int) id)).body("nextCursor", nullValue());

        author.request().get("/reports/" + id).then().statusCode(404).contentType("application/problem+json");
        author.request().get("/reports").then().statusCode(200).body("items.size()", equalTo(0));
        anonymous().get("/reports").then().statusCode(401);
        anonymous().body(report("post", post, "spam")).post("/reports").then().statusCode(401);
    }

    @Test
    void reporting_again_while_the_case_is_open_answers_the_first_report() {
        TestUser author = TestUsers.create();
        TestUser reporter = TestUsers.create();
        long post = TestPosts.publishId(author);
        long first = reporter.request().body(report("post", post, "spam")).post("/reports").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        reporter.request().body(report("post", post, "hate")).post("/reports").then().statusCode(200)
                .body("id", equalTo((int) first)).body("reason", equalTo("spam"));
        TestUsers.create().request().body(report("post", post, "hate")).post("/reports").then().statusCode(201);
        assertThat(queryValue("select count(*) from moderation_cases where target_id = ?", post)).isEqualTo(1L);
        assertThat(queryValue("select report_count from moderation_cases where target_id = ?", post)).isEqualTo(2);
        assertThat(queryValue("select count(*) from reports")).isEqualTo(2L);
    }

    @Test
    void what_the_reporter_cannot_see_is_404() {
        TestUser reporter = TestUsers.create();
        TestUser hidden = TestUsers.create();
        long privatePost = TestPosts.publishId(hidden);
        long privateStory = TestStories.postId(hidden);
        long comment = TestPosts.comment(hidden, privatePost, "on a private post", null);
        TestPosts.makePrivate(hidden);
        TestUser blocker = TestUsers.create();
        long blockersPost = TestPosts.publishId(blocker);
        TestPosts.block(blocker, reporter);
        TestUser a = TestUsers.create();
        TestUser b = TestUsers.create();
        execute("insert into messages (sender_id, recipient_id, text) values (?, ?, 'between others')", a.id(), b.id());
        long othersMessage = ((Number) queryValue("select max(id) from messages")).longValue();

        for (Map<String, Object> body : new Map[]{report("post", privatePost, "spam"),
                report("story", privateStory, "spam"), report("comment", comment, "spam"),
                report("post", blockersPost, "spam"), report("account", blocker.id(), "spam"),
                report("message", othersMessage, "spam"), report("post", 999_999_999L, "spam"),
                report("account", 999_999_999L, "spam")}) {
            reporter.request().body(body).post("/reports").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        assertThat(queryValue("select count(*) from moderation_cases")).isEqualTo(0L);
    }

    @Test
    void a_received_message_an_account_one_blocks_and_a_story_can_be_reported() {
        TestUser sender = TestUsers.create();
        TestUser reporter = TestUsers.create();
        execute("insert into messages (sender_id, recipient_id, text) values (?, ?, 'rude words')", sender.id(),
                reporter.id());
        long message = ((Number) queryValue("select max(id) from messages")).longValue();
        reporter.request().body(report("message", message, "harassment_or_bullying")).post("/reports").then()
                .statusCode(201);
        sender.request().body(report("message", message, "spam")).post("/reports").then().statusCode(404);

        TestPosts.block(reporter, sender);
        reporter.request().body(report("account", sender.id(), "harassment_or_bullying")).post("/reports").then()
                .statusCode(201);
        long story = TestStories.postId(sender);
        TestUsers.create().request().body(report("story", story, "violence")).post("/reports").then().statusCode(201);
        assertThat(queryValue("select string_agg(target_kind || ':' || target_owner_id, ',' order by id)"
                + " from moderation_cases")).isEqualTo("message:" + sender.id() + ",account:" + sender.id()
                + ",story:" + sender.id());
    }

    @Test
    void bad_reports_are_400_and_store_nothing() {
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        TestUser reporter = TestUsers.create();
        reporter.request().body(report("photo", post, "spam")).post("/reports").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        reporter.request().body(report("post", post, "boring")).post("/reports").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        reporter.request().body(Map.of("kind", "post", "targetId", post, "reason", "other", "text", "x".repeat(1001)))
                .post("/reports").then().statusCode(400).body("errors[0].field", equalTo("text"));
        reporter.request().body(Map.of("kind", "post", "reason", "other")).post("/reports").then().statusCode(400)
                .body("errors[0].field", equalTo("targetId"));
        author.request().body(report("post", post, "spam")).post("/reports").then().statusCode(400)
                .body("detail", containsString("your own"));
        author.request().body(report("account", author.id(), "spam")).post("/reports").then().statusCode(400);
        assertThat(queryValue("select count(*) from moderation_cases")).isEqualTo(0L);
        assertThat(queryValue("select count(*) from reports")).isEqualTo(0L);
    }
}
