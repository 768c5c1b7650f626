package app.shutter.graph;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** GET /users/by-id/{id}: the profile that GET /users/{username} answers, found by the id chat frames carry. */
@QuarkusTest
class ProfileByIdTest extends ApiTest {

    @Test
    void the_profile_by_id_is_the_profile_by_username() {
        TestUser jane = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestPosts.follow(fan, jane);
        String byName = fan.request().get("/users/" + jane.username()).then().statusCode(200).extract().asString();
        fan.request().get("/users/by-id/" + jane.id()).then().statusCode(200)
                .body("username", equalTo(jane.username()))
                .body("relationship.following", equalTo(true))
                .body(equalTo(byName));
    }

    @Test
    void blocks_and_deleted_accounts_answer_404_as_by_username() {
        TestUser blocker = TestUsers.create();
        TestUser blocked = TestUsers.create();
        TestPosts.block(blocker, blocked);
        blocked.request().get("/users/by-id/" + blocker.id()).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        blocker.request().get("/users/by-id/" + blocked.id()).then().statusCode(200)
                .body("relationship.blocking", equalTo(true)).body("bio", nullValue());

        TestUser gone = TestUsers.create();
        gone.request().contentType("application/json").body("{\"password\": \"" + gone.password() + "\"}")
                .delete("/users/me").then().statusCode(204);
        blocker.request().get("/users/by-id/" + gone.id()).then().statusCode(404);
        blocker.request().get("/users/by-id/999999999").then().statusCode(404);
    }

    @Test
    void an_id_that_is_not_a_number_is_a_404_problem_and_a_token_is_required() {
        TestUser user = TestUsers.create();
        user.request().get("/users/by-id/jane").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        TestUsers.anonymous().get("/users/by-id/" + user.id()).then().statusCode(401);
    }
}
