package app.shutter.moderation;

import app.shutter.media.MediaDeletions;
import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.TestPosts;
import app.shutter.support.TestRoles;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Removing reported content: gone for everyone at once, files kept for the grace period, the author told why. */
@QuarkusTest
class RemovalTest extends ApiTest {

    @Inject
    MediaDeletions deletions;

    private long report(TestUser reporter, String kind, long id) {
        reporter.request().body(Map.of("kind", kind, "targetId", id, "reason", "violence")).post("/reports").then()
                .statusCode(201);
        return ((Number) queryValue("select id from moderation_cases where target_kind = ? and target_id = ?"
                + " order by id desc limit 1", kind, id)).longValue();
    }

    @Test
    void a_removed_post_is_gone_at_once_its_files_stay_for_the_grace_period_and_its_author_is_told_why() {
        TestUser moderator = TestRoles.moderator();
        TestUser author = TestUsers.create();
        TestUser reporter = TestUsers.create();
        var created = TestPosts.publish(author, "graphic").extract().jsonPath();
        long post = created.getLong("id");
        String url = created.getString("media[0].url");
        long id = report(reporter, "post", post);

        moderator.request().body(Map.of("reason", "Graphic violence")).post("/admin/reports/" + id + "/remove").then()
                .statusCode(200).body("outcome", equalTo("removed"));
        reporter.request().get("/posts/" + post).then().statusCode(404);
        author.request().get("/posts/" + post).then().statusCode(404);
        assertThat(author.request().get("/users/" + author.username() + "/posts").then().extract().jsonPath()
                .getList("items.id")).doesNotContain((int) post);
        assertThat(queryValue("select posts_count from users where id = ?", author.id())).isEqualTo(0);

        // the files stay, and the case still shows them, until the grace period ends
        assertThat(MediaFolder.contains(url)).isTrue();
        moderator.request().get("/admin/reports/" + id).then().body("content.media[0].url", equalTo(url));
        assertThat((Boolean) queryValue("select bool_and(due_at > now() + interval '29 days') from media_deletions"))
                .isTrue();
        deletions.deleteDue();
        assertThat(MediaFolder.contains(url)).isTrue();
        execute("update media_deletions set due_at = now() - interval '1 second'");
        deletions.deleteDue();
        assertThat(MediaFolder.contains(url)).isFalse();
        assertThat(queryValue("select count(*) from media_deletions")).isEqualTo(0L);

        author.request().get("/notifications").then().body("items[0].type", equalTo("content_removed"))
                .body("items[0].actor", nullValue()).body("items[0].notice.reason", equalTo("Graphic violence"))
                .body("items[0].notice.targetId", equalTo((int) post));
        reporter.request().get("/notifications").then().body("items[0].type", equalTo("report_outcome"))
                .body("items[0].notice.outcome", equalTo("removed"));
    }

    @Test
    void comments_and_stories_are_removed_and_accounts_and_messages_are_not_removable() {
        TestUser moderator = TestRoles.moderator();
        TestUser author = TestUsers.create();
        TestUser reporter = TestUsers.create();
        long post = TestPosts.publishId(reporter);
        long comment = TestPosts.comment(author, post, "nasty", null);
        long story = TestStories.postId(author);

        moderator.request().post("/admin/reports/" + report(reporter, "comment", comment) + "/remove").then()
                .statusCode(200);
        reporter.request().get("/comments/" + comment).then().statusCode(404);
        assertThat(queryValue("select comment_count from posts where id = ?", post)).isEqualTo(0);
        moderator.request().post("/admin/reports/" + report(reporter, "story", story) + "/remove").then()
                .statusCode(200);
        reporter.request().get("/stories/" + story).then().statusCode(404);

        long account = report(reporter, "account", author.id());
        moderator.request().post("/admin/reports/" + account + "/remove").then().statusCode(400)
                .contentType("application/problem+json");
        moderator.request().get("/admin/reports/" + account).then().body("summary.status", equalTo("open"));
    }

    @Test
    void a_post_its_author_deleted_meanwhile_closes_as_removed() {
        TestUser moderator = TestRoles.moderator();
        TestUser author = TestUsers.create();
        long post = TestPosts.publishId(author);
        long id = report(TestUsers.create(), "post", post);
        author.request().delete("/posts/" + post).then().statusCode(204);
        moderator.request().post("/admin/reports/" + id + "/remove").then().statusCode(200)
                .body("outcome", equalTo("removed"));
        assertThat(queryValue("select count(*) from moderation_log where case_id = ?", id)).isEqualTo(1L);
    }
}
