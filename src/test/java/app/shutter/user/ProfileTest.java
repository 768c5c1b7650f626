package app.shutter.user;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ProfileTest extends ApiTest {

    @Test
    void a_profile_shows_public_fields_only() {
        TestUser owner = TestUsers.create();
        TestUser viewer = TestUsers.create();
        owner.request().body(Map.of("bio", "Hello", "phone", "+1 555 0100")).patch("/users/me").then().statusCode(200);
        viewer.request().get("/users/" + owner.username().toUpperCase()).then().statusCode(200)
                .body("id", equalTo((int) owner.id()))
                .body("username", equalTo(owner.username()))
                .body("bio", equalTo("Hello"))
                .body("isPrivate", equalTo(false))
                .body("followersCount", equalTo(0))
                .body("followingCount", equalTo(0))
                .body("postsCount", equalTo(0))
                .body("$", hasKey("name"))
                .body("$", hasKey("website"))
                .body("$", hasKey("avatarUrl"))
                .body("$", not(hasKey("email")))
                .body("$", not(hasKey("phone")));
    }

    @Test
    void an_unknown_user_is_404() {
        TestUser viewer = TestUsers.create();
        viewer.request().get("/users/nobody_by_that_name").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void profiles_need_a_token() {
        TestUser owner = TestUsers.create();
        given().get("/users/" + owner.username()).then().statusCode(401);
    }
}
