package app.shutter.moderation;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestRoles;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static app.shutter.support.TestUsers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/** The queue and its decisions are for moderators and admins; who may act on whom; the log keeps everything. */
@QuarkusTest
class ModerationTest extends ApiTest {

    @BeforeEach
    void noReportsYet() {
        // each test counts and lists reports, cases and log entries from nothing
        execute("truncate moderation_log, moderation_case_reasons, reports, moderation_cases cascade");
    }

    private static long reportPost(TestUser reporter, long post, String reason) {
        reporter.request().body(Map.of("kind", "post", "targetId", post, "reason", reason)).post("/reports").then()
                .statusCode(201);
        return 0;
    }

    private long caseOf(long post) {
        return ((Number) queryValue("select id from moderation_cases where target_kind = 'post' and target_id = ?"
                + " order by id desc limit 1", post)).longValue();
    }

    @Test
    void accounts_without_a_role_get_403_and_no_token_gets_401_on_every_admin_route() {
        TestUser user = TestUsers.create();
        TestUser moderator = TestRoles.moderator();
        for (String path : List.of("/admin/reports", "/admin/reports/1", "/admin/log")) {
            user.request().get(path).then().statusCode(403).contentType("application/problem+json");
            anonymous().get(path).then().statusCode(401);
        }
        user.request().post("/admin/reports/1/dismiss").then().statusCode(403);
        user.request().put("/admin/moderators/" + moderator.username()).then().statusCode(403);
        moderator.request().get("/admin/log").then().statusCode(403).contentType("application/problem+json");
        moderator.request().put("/admin/moderators/" + user.username()).then().statusCode(403);
        moderator.request().get("/admin/reports").then().statusCode(200);
    }

    @Test
    void the_queue_lists_each_reported_object_once_oldest_first_with_filters_and_pages() {
        TestUser moderator = TestRoles.moderator();
        TestUser author = TestUsers.create();
        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.add(TestPosts.publishId(author));
        }
        reportPost(TestUsers.create(), posts.get(0), "spam");
        reportPost(TestUsers.create(), posts.get(1), "hate");
        reportPost(TestUsers.create(), posts.get(0), "violence");
        reportPost(TestUsers.create(), posts.get(2), "spam");
        TestUsers.create().request().body(Map.of("kind", "account", "targetId", author.id(), "reason", "spam"))
                .post("/reports").then().statusCode(201);

        moderator.request().get("/admin/reports?kind=post").then().statusCode(200)
                .body("items.targetId", contains(posts.get(0).intValue(), posts.get(1).intValue(),
                        posts.get(2).intValue()))
                .body("items[0].reportCount", equalTo(2)).body("items[0].reasons", contains("spam", "violence"))
                .body("items[0].account.id", equalTo((int) author.id()));
        moderator.request().get("/admin/reports?reason=spam").then().statusCode(200)
                .body("items.kind", contains("post", "post", "account"));
        moderator.request().get("/admin/reports?reason=spam&kind=post").then().statusCode(200)
                .body("items.targetId", contains(posts.get(0).intValue(), posts.get(2).intValue()));

        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = moderator.request().get("/admin/reports?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(4).doesNotHaveDuplicates().isSorted();

        moderator.request().get("/admin/reports?status=pending").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        moderator.request().get("/admin/reports?reason=boring").then().statusCode(400);
        moderator.request().get("/admin/reports?cursor=nonsense").then().statusCode(400);
    }

    @Test
    void a_case_shows_the_content_as_reported_even_after_the_post_is_gone() {
        TestUser moderator = TestRoles.moderator();
        TestUser author = TestUsers.create();
        long post = TestPosts.publish(author, "a rude caption").extract().jsonPath().getLong("id");
        TestUser reporter = TestUsers.create();
        reporter.request().body(Map.of("kind", "post", "targetId", post, "reason", "hate", "text", "look"))
                .post("/reports").then().statusCode(201);
        author.request().delete("/posts/" + post).then().statusCode(204);
        moderator.request().get("/admin/reports/" + caseOf(post)).then().statusCode(200)
                .body("summary.targetId", equalTo((int) post)).body("content.text", equalTo("a rude caption"))
                .body("content.owner.username", equalTo(author.username()))
                .body("content.media.size()", equalTo(1))
                .body("reports[0].reporter.username", equalTo(reporter.username()))
                .body("reports[0].text", equalTo("look"));
        moderator.request().get("/admin/reports/999999999").then().statusCode(404);
    }

    @Test
    void a_decision_closes_the_case_tells_the_reporter_and_is_logged() {
        TestUser admin = TestRoles.admin();
        TestUser moderator = TestRoles.moderator();
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        TestUser reporter = TestUsers.create();
        reporter.request().body(Map.of("kind", "post", "targetId", post, "reason", "spam")).post("/reports").then()
                .statusCode(201);
        long id = caseOf(post);
        moderator.request().body(Map.of("reason", "not spam")).post("/admin/reports/" + id + "/dismiss").then()
                .statusCode(200).body("status", equalTo("closed")).body("outcome", equalTo("dismissed"));
        moderator.request().post("/admin/reports/" + id + "/warn").then().statusCode(409);
        reporter.request().get("/reports").then().body("items[0].status", equalTo("closed"))
                .body("items[0].outcome", equalTo("dismissed"));
        moderator.request().get("/admin/reports").then().body("items.findAll { it.id == " + id + " }.size()",
                equalTo(0));
        moderator.request().get("/admin/reports?status=closed").then().body("items.id", hasItems((int) id));

        // a new report after the decision opens a new case
        reporter.request().body(Map.of("kind", "post", "targetId", post, "reason", "spam")).post("/reports").then()
                .statusCode(201);
        long second = caseOf(post);
        assertThat(second).isNotEqualTo(id);
        admin.request().body(Map.of("reason", "second time")).post("/admin/reports/" + second + "/warn").then()
                .statusCode(200).body("outcome", equalTo("warned"));

        admin.request().get("/admin/log").then().statusCode(200)
                .body("items.action", contains("warn", "dismiss"))
                .body("items[0].actor.username", equalTo(admin.username()))
                .body("items[0].account.username", equalTo(author.username()))
                .body("items[0].reason", equalTo("second time"))
                .body("items[1].actor.username", equalTo(moderator.username()))
                .body("items[1].caseId", equalTo((int) id));
        assertThatThrownBy(() -> execute("update moderation_log set reason = 'edited'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("delete from moderation_log")).hasMessageContaining("append-only");
    }

    @Test
    void reporters_and_the_warned_account_get_notices_from_shutter_that_name_no_reporter() {
        TestUser moderator = TestRoles.moderator();
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        TestUser first = TestUsers.create();
        TestUser second = TestUsers.create();
        long firstReport = first.request().body(Map.of("kind", "post", "targetId", post, "reason", "spam"))
                .post("/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        second.request().body(Map.of("kind", "post", "targetId", post, "reason", "hate")).post("/reports").then()
                .statusCode(201);
        moderator.request().body(Map.of("reason", "Please keep it civil")).post("/admin/reports/" + caseOf(post)
                + "/warn").then().statusCode(200);

        first.request().get("/notifications").then().statusCode(200)
                .body("items[0].type", equalTo("report_outcome")).body("items[0].actor", nullValue())
                .body("items[0].notice.reportId", equalTo((int) firstReport))
                .body("items[0].notice.outcome", equalTo("warned"))
                .body("items[0].notice.targetKind", equalTo("post"))
                .body("items[0].notice.reason", nullValue());
        second.request().get("/notifications").then().body("items[0].type", equalTo("report_outcome"));
        String toAuthor = author.request().get("/notifications").then().statusCode(200)
                .body("items[0].type", equalTo("warning")).body("items[0].actor", nullValue())
                .body("items[0].notice.reason", equalTo("Please keep it civil"))
                .body("items[0].notice.targetId", equalTo((int) post))
                .body("items[0].notice.reportId", nullValue()).extract().asString();
        assertThat(toAuthor).doesNotContain(first.username()).doesNotContain(second.username());
        author.request().get("/notifications/unread-count").then().statusCode(200);
    }

    @Test
    void nobody_acts_on_their_own_content_and_moderators_do_not_act_on_admins() {
        TestUser admin = TestRoles.admin();
        TestUser moderator = TestRoles.moderator();
        long adminsPost = TestPosts.publishId(admin);
        long moderatorsPost = TestPosts.publishId(moderator);
        TestUser reporter = TestUsers.create();
        reportPost(reporter, adminsPost, "spam");
        reportPost(reporter, moderatorsPost, "spam");
        moderator.request().post("/admin/reports/" + caseOf(adminsPost) + "/dismiss").then().statusCode(403)
                .contentType("application/problem+json");
        moderator.request().post("/admin/reports/" + caseOf(moderatorsPost) + "/dismiss").then().statusCode(403);
        admin.request().post("/admin/reports/" + caseOf(adminsPost) + "/dismiss").then().statusCode(403);
        admin.request().post("/admin/reports/" + caseOf(moderatorsPost) + "/warn").then().statusCode(200);
        assertThat(queryValue("select count(*) from moderation_log")).isEqualTo(1L);
    }

    @Test
    void admins_grant_and_take_the_moderator_role_and_the_account_logs_in_again_to_use_it() {
        TestUser admin = TestRoles.admin();
        TestUser user = TestUsers.create();
        admin.request().put("/admin/moderators/" + user.username()).then().statusCode(204);
        user.request().get("/users/me").then().statusCode(401);
        TestUser moderator = TestUsers.login(user);
        moderator.request().get("/admin/reports").then().statusCode(200);

        admin.request().delete("/admin/moderators/" + user.username()).then().statusCode(204);
        moderator.request().get("/admin/reports").then().statusCode(401);
        TestUsers.login(user).request().get("/admin/reports").then().statusCode(403);

        TestUser otherAdmin = TestRoles.admin();
        admin.request().put("/admin/moderators/" + otherAdmin.username()).then().statusCode(409);
        admin.request().put("/admin/moderators/" + admin.username()).then().statusCode(403);
        admin.request().put("/admin/moderators/nobody_here").then().statusCode(404);
        admin.request().get("/admin/log").then().body("items.action", contains("revoke_moderator", "grant_moderator"))
                .body("items[0].reason", nullValue());
    }
}
