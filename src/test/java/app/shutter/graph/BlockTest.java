package app.shutter.graph;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class BlockTest extends ApiTest {

    @Test
    void blocking_severs_follows_and_requests_both_ways() {
        TestUser blocker = TestUsers.create();
        TestUser blocked = TestUsers.create();
        blocker.request().post("/users/" + blocked.username() + "/follow").then().statusCode(200);
        blocked.request().post("/users/" + blocker.username() + "/follow").then().statusCode(200);
        blocker.request().post("/users/" + blocked.username() + "/block").then().statusCode(204);
        blocker.request().post("/users/" + blocked.username() + "/block").then().statusCode(204);
        blocker.request().get("/users/me").then().body("followersCount", equalTo(0)).body("followingCount", equalTo(0));
        blocked.request().get("/users/me").then().body("followersCount", equalTo(0)).body("followingCount", equalTo(0));
    }

    @Test
    void the_blocked_account_sees_nothing_of_the_blocker() {
        TestUser blocker = TestUsers.create();
        TestUser blocked = TestUsers.create();
        blocker.request().post("/users/" + blocked.username() + "/block").then().statusCode(204);
        blocked.request().get("/users/" + blocker.username()).then().statusCode(404)
                .contentType("application/problem+json");
        blocked.request().get("/users/" + blocker.username() + "/followers").then().statusCode(404);
        blocked.request().post("/users/" + blocker.username() + "/follow").then().statusCode(404);
        blocked.request().queryParam("q", blocker.username()).get("/users").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void the_blocker_keeps_a_content_free_view_and_cannot_follow_until_unblocking() {
        TestUser blocker = TestUsers.create();
        TestUser blocked = TestUsers.create();
        blocked.request().body(java.util.Map.of("bio", "secret bio")).patch("/users/me").then().statusCode(200);
        blocker.request().post("/users/" + blocked.username() + "/block").then().statusCode(204);
        blocker.request().get("/users/" + blocked.username()).then().statusCode(200)
                .body("username", equalTo(blocked.username()))
                .body("bio", nullValue())
                .body("relationship.blocking", equalTo(true));
        blocker.request().get("/users/" + blocked.username() + "/followers").then().statusCode(404);
        blocker.request().post("/users/" + blocked.username() + "/follow").then().statusCode(403);
        blocker.request().get("/users/me/blocked").then().statusCode(200)
                .body("items[0].user.username", equalTo(blocked.username()))
                .body("items[0].blockedAt", not(nullValue()));
        blocker.request().delete("/users/" + blocked.username() + "/block").then().statusCode(204);
        blocker.request().delete("/users/" + blocked.username() + "/block").then().statusCode(204);
        blocker.request().get("/users/me/blocked").then().body("items", hasSize(0));
        blocked.request().get("/users/" + blocker.username()).then().statusCode(200)
                .body("relationship.blockedBy", equalTo(false));
        blocker.request().post("/users/" + blocked.username() + "/follow").then().statusCode(200);
    }

    @Test
    void a_blocked_account_disappears_from_third_party_lists() {
        TestUser blocker = TestUsers.create();
        TestUser blocked = TestUsers.create();
        TestUser star = TestUsers.create();
        blocked.request().post("/users/" + star.username() + "/follow").then().statusCode(200);
        blocker.request().post("/users/" + star.username() + "/follow").then().statusCode(200);
        blocker.request().post("/users/" + blocked.username() + "/block").then().statusCode(204);
        blocked.request().get("/users/" + star.username() + "/followers").then().statusCode(200)
                .body("items.username", not(hasItem(blocker.username())));
        blocker.request().get("/users/" + star.username() + "/followers").then().statusCode(200)
                .body("items.username", not(hasItem(blocked.username())));
        star.request().get("/users/" + star.username() + "/followers").then().body("items", hasSize(2));
    }

    @Test
    void blocking_yourself_or_nobody_fails() {
        TestUser user = TestUsers.create();
        user.request().post("/users/" + user.username() + "/block").then().statusCode(400);
        user.request().post("/users/nobody_by_this_name/block").then().statusCode(404);
    }
}
