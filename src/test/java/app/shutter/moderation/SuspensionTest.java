package app.shutter.moderation;

import app.shutter.chat.ChatService;
import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestRoles;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.shutter.support.TestUsers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** A suspension ends the sessions, refuses logins and hides the account everywhere; lifting it restores all. */
@QuarkusTest
class SuspensionTest extends ApiTest {

    @Inject
    SuspensionExpiry expiry;

    @Inject
    ChatService chat;

    private static int login(TestUser user) {
        return anonymous().header("X-Forwarded-For", user.address())
                .body(Map.of("login", user.username(), "password", user.password())).post("/auth/login")
                .then().extract().statusCode();
    }

    /** What the viewer sees of the account: each a boolean, in one string to compare before and after. */
    private static String seen(TestUser viewer, TestUser target, long post, long otherPost, long story) {
        return String.join(",",
                "profile=" + viewer.request().get("/users/" + target.username()).then().extract().statusCode(),
                "post=" + viewer.request().get("/posts/" + post).then().extract().statusCode(),
                "story=" + viewer.request().get("/stories/" + story).then().extract().statusCode(),
                "feed=" + viewer.request().get("/feed").then().extract().jsonPath().getList("items.id")
                        .contains((int) post),
                "comments=" + viewer.request().get("/posts/" + otherPost + "/comments").then().extract()
                        .jsonPath().getList("items.author.username").contains(target.username()),
                "likers=" + viewer.request().get("/posts/" + otherPost + "/likes").then().extract().jsonPath()
                        .getList("items.username").contains(target.username()),
                "followers=" + viewer.request().get("/users/" + viewer.username() + "/followers").then().extract()
                        .jsonPath().getList("items.username").contains(target.username()),
                "search=" + viewer.request().get("/users?q=" + target.username()).then().extract()
                        .jsonPath().getList("items.username").contains(target.username()),
                "chats=" + viewer.request().get("/chats").then().extract().jsonPath().getList("items.user.username")
                        .contains(target.username()),
                "messages=" + viewer.request().get("/chats/" + target.id() + "/messages").then().extract()
                        .statusCode());
    }

    @Test
    void a_suspended_account_is_hidden_everywhere_and_unsuspending_brings_everything_back() {
        TestUser moderator = TestRoles.moderator();
        TestUser target = TestUsers.create();
        TestUser viewer = TestUsers.create();
        TestPosts.mutual(viewer, target);
        long post = TestPosts.publishId(target);
        long story = TestStories.postId(target);
        long otherPost = TestPosts.publishId(viewer);
        TestPosts.comment(target, otherPost, "first!", null);
        target.request().post("/posts/" + otherPost + "/like").then().statusCode(200);
        chat.send(target.id(), viewer.id(), "hi there", null, "test");
        String visible = "profile=200,post=200,story=200,feed=true,comments=true,likers=true,followers=true,search=true"
                + ",chats=true,messages=200";
        assertThat(seen(viewer, target, post, otherPost, story)).isEqualTo(visible);

        moderator.request().body(Map.of("reason", "spam wave")).post("/admin/users/" + target.username() + "/suspend")
                .then().statusCode(204);
        target.request().get("/users/me").then().statusCode(401);
        assertThat(login(target)).isEqualTo(403);
        anonymous().header("X-Forwarded-For", target.address())
                .body(Map.of("login", target.username(), "password", target.password())).post("/auth/login").then()
                .contentType("application/problem+json").body("detail", containsString("suspended indefinitely"));
        assertThat(seen(viewer, target, post, otherPost, story)).isEqualTo(
                "profile=404,post=404,story=404,feed=false,comments=false,likers=false,followers=false,search=false"
                        + ",chats=false,messages=404");
        assertThat(queryValue("select count(*) from posts where author_id = ?", target.id())).isEqualTo(1L);

        moderator.request().post("/admin/users/" + target.username() + "/unsuspend").then().statusCode(204);
        assertThat(seen(viewer, target, post, otherPost, story)).isEqualTo(visible);
        assertThat(login(target)).isEqualTo(200);
        moderator.request().post("/admin/users/" + target.username() + "/unsuspend").then().statusCode(409);
    }

    @Test
    void a_timed_suspension_says_until_when_and_ends_by_itself() {
        TestUser moderator = TestRoles.moderator();
        TestUser target = TestUsers.create();
        moderator.request().body(Map.of("hours", 48)).post("/admin/users/" + target.username() + "/suspend").then()
                .statusCode(204);
        anonymous().header("X-Forwarded-For", target.address())
                .body(Map.of("login", target.username(), "password", target.password())).post("/auth/login").then()
                .statusCode(403).body("detail", containsString("suspended until 20"));
        expiry.endDue();
        assertThat(login(target)).isEqualTo(403);

        execute("update users set suspended_until = now() - interval '1 second' where id = ?", target.id());
        expiry.endDue();
        assertThat(login(target)).isEqualTo(200);
        TestUsers.create().request().get("/users/" + target.username()).then().statusCode(200);
        TestUsers.login(target).request().get("/notifications").then().statusCode(200)
                .body("items[0].type", equalTo("suspension")).body("items[0].actor", nullValue())
                .body("items[0].notice.outcome", equalTo("suspended"))
                .body("items[0].notice.endsAt", startsWith("20"));
    }

    @Test
    void suspending_from_a_report_closes_it_and_the_reporter_sees_the_outcome() {
        TestUser admin = TestRoles.admin();
        TestUser target = TestUsers.create();
        TestUser reporter = TestUsers.create();
        reporter.request().body(Map.of("kind", "account", "targetId", target.id(), "reason", "hate"))
                .post("/reports").then().statusCode(201);
        long id = ((Number) queryValue("select id from moderation_cases where target_kind = 'account'"
                + " and target_id = ?", target.id())).longValue();
        admin.request().body(Map.of("reason", "hate speech", "hours", 24)).post("/admin/reports/" + id + "/suspend")
                .then().statusCode(200).body("outcome", equalTo("suspended"));
        reporter.request().get("/reports").then().body("items[0].outcome", equalTo("suspended"));
        assertThat(login(target)).isEqualTo(403);
        admin.request().get("/admin/log").then().body("items.action", hasItem("suspend"));
    }

    @Test
    void who_may_suspend_whom() {
        TestUser admin = TestRoles.admin();
        TestUser moderator = TestRoles.moderator();
        TestUser user = TestUsers.create();
        user.request().post("/admin/users/" + moderator.username() + "/suspend").then().statusCode(403);
        moderator.request().post("/admin/users/" + admin.username() + "/suspend").then().statusCode(403);
        moderator.request().post("/admin/users/" + moderator.username() + "/suspend").then().statusCode(403);
        moderator.request().body(Map.of("hours", 0)).post("/admin/users/" + user.username() + "/suspend").then()
                .statusCode(400).body("errors[0].field", equalTo("hours"));
        moderator.request().post("/admin/users/nobody_at_all/suspend").then().statusCode(404);
        anonymous().post("/admin/users/" + user.username() + "/suspend").then().statusCode(401);
        assertThat(login(admin)).isEqualTo(200);
        assertThat(login(user)).isEqualTo(200);
        assertThat(queryValue("select count(*) from moderation_log where target_account_id in (?, ?, ?)", admin.id(),
                moderator.id(), user.id())).isEqualTo(0L);
    }
}
