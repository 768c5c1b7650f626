package app.shutter.graph;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class FollowTest extends ApiTest {

    static void makePrivate(TestUser user) {
        user.request().body(Map.of("isPrivate", true)).patch("/users/me").then().statusCode(200);
    }

    @Test
    void following_a_public_account_is_immediate_and_counted_once() {
        TestUser fan = TestUsers.create();
        TestUser star = TestUsers.create();
        fan.request().post("/users/" + star.username() + "/follow").then().statusCode(200)
                .body("status", equalTo("following"));
        fan.request().post("/users/" + star.username() + "/follow").then().statusCode(200)
                .body("status", equalTo("following"));
        fan.request().get("/users/" + star.username()).then().statusCode(200)
                .body("followersCount", equalTo(1))
                .body("relationship.following", equalTo(true))
                .body("relationship.followedBy", equalTo(false))
                .body("relationship.requested", equalTo(false));
        star.request().get("/users/" + fan.username()).then().body("followingCount", equalTo(1))
                .body("relationship.followedBy", equalTo(true));
    }

    @Test
    void following_yourself_or_nobody_fails() {
        TestUser user = TestUsers.create();
        user.request().post("/users/" + user.username() + "/follow").then().statusCode(400)
                .contentType("application/problem+json");
        user.request().post("/users/nobody_by_this_name/follow").then().statusCode(404);
    }

    @Test
    void a_private_account_gets_a_request_it_can_accept() {
        TestUser fan = TestUsers.create();
        TestUser owner = TestUsers.create();
        makePrivate(owner);
        fan.request().post("/users/" + owner.username() + "/follow").then().statusCode(200)
                .body("status", equalTo("requested"));
        fan.request().post("/users/" + owner.username() + "/follow").then().body("status", equalTo("requested"));
        fan.request().get("/users/" + owner.username()).then().body("relationship.requested", equalTo(true))
                .body("followersCount", equalTo(0));
        owner.request().get("/follow-requests").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].user.username", equalTo(fan.username()))
                .body("items[0].requestedAt", org.hamcrest.Matchers.notNullValue())
                .body("nextCursor", nullValue());
        owner.request().post("/follow-requests/" + fan.username() + "/accept").then().statusCode(204);
        owner.request().post("/follow-requests/" + fan.username() + "/accept").then().statusCode(404);
        fan.request().get("/users/" + owner.username()).then().body("relationship.following", equalTo(true))
                .body("followersCount", equalTo(1));
        owner.request().get("/follow-requests").then().body("items", hasSize(0));
    }

    @Test
    void a_declined_or_cancelled_request_leaves_nothing() {
        TestUser fan = TestUsers.create();
        TestUser owner = TestUsers.create();
        makePrivate(owner);
        fan.request().post("/users/" + owner.username() + "/follow").then().statusCode(200);
        owner.request().post("/follow-requests/" + fan.username() + "/decline").then().statusCode(204);
        fan.request().get("/users/" + owner.username()).then().body("relationship.requested", equalTo(false));
        fan.request().post("/users/" + owner.username() + "/follow").then().statusCode(200);
        fan.request().delete("/users/" + owner.username() + "/follow").then().statusCode(204);
        fan.request().delete("/users/" + owner.username() + "/follow").then().statusCode(204);
        owner.request().get("/follow-requests").then().body("items", hasSize(0));
        assertThat(queryValue("select count(*) from follows where followee_id = ?", owner.id())).isEqualTo(0L);
    }

    @Test
    void unfollowing_and_removing_a_follower_update_the_counts() {
        TestUser a = TestUsers.create();
        TestUser b = TestUsers.create();
        a.request().post("/users/" + b.username() + "/follow").then().statusCode(200);
        b.request().post("/users/" + a.username() + "/follow").then().statusCode(200);
        a.request().delete("/users/" + b.username() + "/follow").then().statusCode(204);
        a.request().delete("/users/" + b.username() + "/follow").then().statusCode(204);
        b.request().delete("/users/" + b.username() + "/follower").then().statusCode(204);
        a.request().delete("/users/" + b.username() + "/follower").then().statusCode(204);
        a.request().get("/users/me").then().body("followersCount", equalTo(0)).body("followingCount", equalTo(0));
        b.request().get("/users/me").then().body("followersCount", equalTo(0)).body("followingCount", equalTo(0));
    }

    @Test
    void switching_to_public_accepts_every_pending_request() {
        TestUser owner = TestUsers.create();
        makePrivate(owner);
        TestUser one = TestUsers.create();
        TestUser two = TestUsers.create();
        one.request().post("/users/" + owner.username() + "/follow").then().body("status", equalTo("requested"));
        two.request().post("/users/" + owner.username() + "/follow").then().body("status", equalTo("requested"));
        owner.request().body(Map.of("isPrivate", false)).patch("/users/me").then().statusCode(200)
                .body("followersCount", equalTo(2));
        one.request().get("/users/me").then().body("followingCount", equalTo(1));
        owner.request().get("/follow-requests").then().body("items", hasSize(0));
    }

    @Test
    void private_lists_are_hidden_from_strangers_but_not_from_followers() {
        TestUser owner = TestUsers.create();
        TestUser follower = TestUsers.create();
        TestUser stranger = TestUsers.create();
        follower.request().post("/users/" + owner.username() + "/follow").then().statusCode(200);
        makePrivate(owner);
        stranger.request().get("/users/" + owner.username() + "/followers").then().statusCode(403)
                .contentType("application/problem+json");
        stranger.request().get("/users/" + owner.username() + "/following").then().statusCode(403);
        follower.request().get("/users/" + owner.username() + "/followers").then().statusCode(200)
                .body("items.username", equalTo(List.of(follower.username())));
        owner.request().get("/users/" + owner.username() + "/followers").then().statusCode(200);
    }

    @Test
    void follower_lists_page_by_cursor_without_repeats_and_say_whom_i_follow() {
        TestUser star = TestUsers.create();
        TestUser viewer = TestUsers.create();
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestUser fan = TestUsers.create();
            fan.request().post("/users/" + star.username() + "/follow").then().statusCode(200);
            fans.add(fan);
        }
        viewer.request().post("/users/" + fans.get(0).username() + "/follow").then().statusCode(200);
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = viewer.request().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/users/" + star.username() + "/followers").then().statusCode(200).extract();
            List<String> names = page.jsonPath().getList("items.username");
            names.forEach(name -> assertThat(seen).doesNotContain(name));
            seen.addAll(names);
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(fans.stream().map(TestUser::username).toList());
        viewer.request().get("/users/" + star.username() + "/followers").then()
                .body("items[4].username", equalTo(fans.get(0).username()))
                .body("items[4].followedByMe", equalTo(true))
                .body("items[0].followedByMe", equalTo(false));
        viewer.request().get("/users/" + fans.get(0).username() + "/following").then()
                .body("items.username", equalTo(List.of(star.username())));
        viewer.request().queryParam("limit", 51).get("/users/" + star.username() + "/followers").then()
                .statusCode(400);
        viewer.request().queryParam("cursor", "garbage!").get("/users/" + star.username() + "/followers").then()
                .statusCode(400);
    }

    @Test
    void a_deleted_account_stops_counting() {
        TestUser star = TestUsers.create();
        TestUser fan = TestUsers.create();
        fan.request().post("/users/" + star.username() + "/follow").then().statusCode(200);
        fan.request().body(Map.of("password", fan.password())).delete("/users/me").then().statusCode(204);
        star.request().get("/users/me").then().body("followersCount", equalTo(0));
        star.request().get("/users/" + star.username() + "/followers").then().body("items", hasSize(0));
    }
}
