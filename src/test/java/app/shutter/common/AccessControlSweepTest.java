package app.shutter.common;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every endpoint that reads or writes one object of a private account, called by a stranger, by an account
 * the owner blocked, and anonymously (docs/api.md, "Visibility" and "Blocking"). A hidden object answers
 * exactly as one that never existed, so its existence cannot be learned; the owner's own call succeeds, so
 * each refusal is about access.
 */
@QuarkusTest
class AccessControlSweepTest extends ApiTest {

    private static final String MISSING = "987654321";

    private record Case(String method, String path, String body, int owner, int stranger, int blocked) {
    }

    private TestUser owner;
    private TestUser friend;
    private TestUser requester;
    private TestUser stranger;
    private TestUser blocked;
    private Map<String, String> ids;

    @BeforeEach
    void aPrivateAccountWithOneOfEverything() {
        owner = TestUsers.create();
        friend = TestUsers.create();
        requester = TestUsers.create();
        stranger = TestUsers.create();
        blocked = TestUsers.create();
        TestPosts.mutual(friend, owner);
        TestPosts.makePrivate(owner);
        TestPosts.follow(requester, owner);
        TestPosts.block(owner, blocked);
        long post = TestPosts.publishId(owner);
        long comment = TestPosts.comment(owner, post, "mine", null);
        long story = TestStories.postId(owner);
        friend.request().post("/posts/" + post + "/like").then().statusCode(200);
        long notification = owner.request().get("/notifications").then().statusCode(200).extract()
                .jsonPath().getLong("items.find { it.type == 'like' }.id");
        ids = new LinkedHashMap<>();
        ids.put("{post}", String.valueOf(post));
        ids.put("{comment}", String.valueOf(comment));
        ids.put("{story}", String.valueOf(story));
        ids.put("{notification}", String.valueOf(notification));
        ids.put("{owner}", owner.username());
        ids.put("{requester}", requester.username());
    }

    private static List<Case> cases() {
        return List.of(
                new Case("GET", "/posts/{post}", null, 200, 404, 404),
                new Case("PATCH", "/posts/{post}", "{\"caption\": \"changed\"}", 200, 404, 404),
                new Case("POST", "/posts/{post}/like", null, 200, 404, 404),
                new Case("DELETE", "/posts/{post}/like", null, 200, 404, 404),
                new Case("GET", "/posts/{post}/likes", null, 200, 404, 404),
                new Case("GET", "/posts/{post}/history", null, 200, 404, 404),
                new Case("POST", "/posts/{post}/pin", null, 204, 404, 404),
                new Case("DELETE", "/posts/{post}/pin", null, 204, 404, 404),
                new Case("POST", "/posts/{post}/archive", null, 204, 404, 404),
                new Case("DELETE", "/posts/{post}/archive", null, 204, 404, 404),
                new Case("POST", "/posts/{post}/save", null, 204, 404, 404),
                new Case("DELETE", "/posts/{post}/save", null, 204, 404, 404),
                new Case("GET", "/posts/{post}/comments", null, 200, 404, 404),
                new Case("POST", "/posts/{post}/comments", "{\"text\": \"hello\"}", 201, 404, 404),
                new Case("GET", "/comments/{comment}", null, 200, 404, 404),
                new Case("GET", "/comments/{comment}/replies", null, 200, 404, 404),
                new Case("POST", "/comments/{comment}/like", null, 200, 404, 404),
                new Case("DELETE", "/comments/{comment}/like", null, 200, 404, 404),
                new Case("GET", "/comments/{comment}/likes", null, 200, 404, 404),
                // one's own story takes no reaction and no reply: 400 for the owner
                new Case("PUT", "/stories/{story}/reaction", "{\"emoji\": \"🔥\"}", 400, 404, 404),
                new Case("DELETE", "/stories/{story}/reaction", null, 204, 404, 404),
                new Case("POST", "/stories/{story}/reply", "{\"messageText\": \"hi\"}", 400, 404, 404),
                // post notifications need a follow: nobody here follows the owner but the friend
                new Case("PUT", "/users/{owner}/post-notifications", null, 409, 409, 404),
                // a list of one's own: anyone the account can see may go on it, not an account blocking the caller
                new Case("PUT", "/users/{owner}/close-friend", null, 400, 204, 404),
                new Case("GET", "/stories/{story}", null, 200, 404, 404),
                new Case("POST", "/stories/{story}/view", null, 204, 404, 404),
                new Case("GET", "/stories/{story}/viewers", null, 200, 404, 404),
                new Case("POST", "/notifications/{notification}/read", null, 204, 404, 404),
                new Case("GET", "/users/{owner}", null, 200, 200, 404),
                new Case("GET", "/users/{owner}/posts", null, 200, 403, 404),
                new Case("GET", "/users/{owner}/followers", null, 200, 403, 404),
                new Case("GET", "/users/{owner}/following", null, 200, 403, 404),
                new Case("GET", "/users/{owner}/stories", null, 200, 403, 404),
                // the requester asked the owner, not them: nobody else can answer the request
                new Case("POST", "/follow-requests/{requester}/decline", null, 204, 404, 404),
                // deletions last: they remove what the cases above use
                new Case("DELETE", "/comments/{comment}", null, 204, 404, 404),
                new Case("DELETE", "/stories/{story}", null, 204, 404, 404),
                new Case("DELETE", "/posts/{post}", null, 204, 404, 404));
    }

    @Test
    void strangers_blocked_accounts_and_anonymous_callers_get_what_docs_api_specifies() {
        assertSoftly(softly -> {
            for (Case c : cases()) {
                String path = fill(c.path());
                softly.assertThat(call(TestUsers.anonymous(), c, path).statusCode()).as("anonymous %s %s", c.method(),
                        c.path()).isEqualTo(401);
                Response asStranger = call(stranger.request(), c, path);
                softly.assertThat(asStranger.statusCode()).as("stranger %s %s", c.method(), c.path())
                        .isEqualTo(c.stranger());
                softly.assertThat(call(blocked.request(), c, path).statusCode()).as("blocked %s %s", c.method(),
                        c.path()).isEqualTo(c.blocked());
                if (c.stranger() == 404 && c.path().contains("{")) {
                    Response missing = call(stranger.request(), c, missing(c.path()));
                    softly.assertThat(asStranger.statusCode()).as("hidden vs missing %s %s", c.method(), c.path())
                            .isEqualTo(missing.statusCode());
                    softly.assertThat(asStranger.jsonPath().getString("detail")).as("hidden vs missing detail %s %s",
                            c.method(), c.path()).isEqualTo(missing.jsonPath().getString("detail"));
                }
                softly.assertThat(call(owner.request(), c, path).statusCode()).as("owner %s %s", c.method(), c.path())
                        .isEqualTo(c.owner());
            }
        });
    }

    @Test
    void nothing_changed_for_the_refused_callers() {
        for (Case c : cases()) {
            call(stranger.request(), c, fill(c.path()));
            call(blocked.request(), c, fill(c.path()));
        }
        owner.request().get("/posts/" + ids.get("{post}")).then().statusCode(200);
        assertThat((Long) queryValue("select count(*) from post_likes where post_id = ?",
                Long.parseLong(ids.get("{post}")))).isEqualTo(1L);
        assertThat((Long) queryValue("select count(*) from comments where author_id in (?, ?)",
                stranger.id(), blocked.id())).isZero();
        assertThat((Long) queryValue("select count(*) from story_views where viewer_id in (?, ?)",
                stranger.id(), blocked.id())).isZero();
        for (String table : List.of("comment_likes", "story_reactions")) {
            assertThat((Long) queryValue("select count(*) from " + table + " where user_id in (?, ?)",
                    stranger.id(), blocked.id())).as(table).isZero();
        }
        assertThat((Long) queryValue("select count(*) from messages where sender_id in (?, ?)",
                stranger.id(), blocked.id())).isZero();
        owner.request().get("/follow-requests").then().statusCode(200)
                .body("items.user.username", org.hamcrest.Matchers.hasItem(requester.username()));
    }

    private static Response call(RequestSpecification request, Case c, String path) {
        if (c.body() != null) {
            request = request.body(c.body());
        }
        return request.request(c.method(), path);
    }

    private String fill(String template) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        return path;
    }

    /**
     * The same path with its object replaced by one that never existed; for a follow request, an account
     * that asked nobody (accounts themselves are public, the request is what must stay hidden).
     */
    private String missing(String template) {
        String path = template.replaceFirst("\\{(post|comment|story|notification)\\}", MISSING)
                .replace("{owner}", "nobody_" + MISSING).replace("{requester}", friend.username());
        return fill(path);
    }
}
