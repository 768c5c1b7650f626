package app.shutter.graph;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SuggestionsTest extends ApiTest {

    @Inject
    PopularAccounts popular;

    /** The popular list spans every account, so each test starts without any. */
    @BeforeEach
    void noAccounts() {
        execute("truncate users cascade");
    }

    @Test
    void a_new_account_is_offered_the_most_followed_public_accounts_but_not_private_or_deactivated_ones() {
        TestUser star = TestUsers.create();
        TestUser known = TestUsers.create();
        TestUser hidden = TestUsers.create();
        TestUser gone = TestUsers.create();
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fans.add(TestUsers.create());
        }
        for (TestUser fan : fans) {
            TestPosts.follow(fan, star);
            TestPosts.follow(fan, hidden);
            TestPosts.follow(fan, gone);
        }
        TestPosts.follow(fans.get(0), known);
        TestPosts.makePrivate(hidden);
        gone.request().body(Map.of("password", gone.password())).delete("/users/me").then().statusCode(204);
        assertThat(popular.refresh(true)).isTrue();
        assertThat(popular.refresh(false)).as("a fresh list is not recomputed").isFalse();

        TestUser newcomer = TestUsers.create();
        newcomer.request().get("/suggestions").then().statusCode(200)
                .body("items.username", contains(star.username(), known.username()))
                .body("items.reason", contains("popular", "popular"))
                .body("items[0].followersCount", equalTo(4))
                .body("nextCursor", nullValue());
        newcomer.request().get("/suggestions?limit=1").then().statusCode(200)
                .body("items.username", contains(star.username()));
    }

    @Test
    void accounts_followed_by_my_recent_follows_come_first_and_never_one_i_follow_asked_or_block() {
        TestUser me = TestUsers.create();
        TestUser friendA = TestUsers.create();
        TestUser friendB = TestUsers.create();
        TestUser both = TestUsers.create();
        TestUser one = TestUsers.create();
        TestUser requested = TestUsers.create();
        TestUser blocking = TestUsers.create();
        TestUser blocked = TestUsers.create();
        TestUser star = TestUsers.create();
        TestPosts.makePrivate(requested);
        for (TestUser friend : List.of(friendA, friendB)) {
            for (TestUser account : List.of(both, requested, blocking, blocked, me)) {
                TestPosts.follow(friend, account);
            }
        }
        requested.request().post("/follow-requests/" + friendA.username() + "/accept").then().statusCode(204);
        requested.request().post("/follow-requests/" + friendB.username() + "/accept").then().statusCode(204);
        TestPosts.follow(friendB, one);
        TestPosts.follow(friendA, star);
        TestPosts.follow(friendB, star);
        TestPosts.follow(both, star);
        TestPosts.follow(me, friendA);
        TestPosts.follow(me, friendB);
        TestPosts.follow(me, requested); // pending: asked, not followed
        TestPosts.block(blocking, me);
        TestPosts.block(me, blocked);
        popular.refresh(true);

        me.request().get("/suggestions").then().statusCode(200)
                .body("items.username", contains(star.username(), both.username(), one.username()))
                .body("items.reason", contains("followed_by_your_follows", "followed_by_your_follows",
                        "followed_by_your_follows"))
                .body("items.followedBy", contains(2, 2, 1));
        TestPosts.follow(me, both);
        me.request().get("/suggestions").then().body("items.username", contains(star.username(), one.username()));
    }

    @Test
    void the_list_has_one_page_and_refuses_bad_limits_cursors_and_anonymous_callers() {
        TestUser me = TestUsers.create();
        me.request().get("/suggestions").then().statusCode(200).body("items.size()", equalTo(0))
                .body("nextCursor", nullValue());
        me.request().get("/suggestions?limit=0").then().statusCode(400).contentType("application/problem+json");
        me.request().get("/suggestions?limit=51").then().statusCode(400).contentType("application/problem+json");
        me.request().get("/suggestions?cursor=abc").then().statusCode(400).contentType("application/problem+json");
        TestUsers.anonymous().get("/suggestions").then().statusCode(401);
    }
}
