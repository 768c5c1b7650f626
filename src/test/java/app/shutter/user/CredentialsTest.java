package app.shutter.user;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.shutter.support.TestUsers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class CredentialsTest extends ApiTest {

    private static final String NEW_PASSWORD = "a-much-better-passphrase";

    @Test
    void changing_the_password_ends_every_other_session() {
        TestUser phone = TestUsers.create();
        TestUser laptop = TestUsers.login(phone);
        phone.request().body(Map.of("currentPassword", phone.password(), "newPassword", NEW_PASSWORD))
                .put("/users/me/password").then().statusCode(204);
        laptop.request().get("/users/me").then().statusCode(401);
        anonymous().body(Map.of("refreshToken", laptop.refreshToken())).post("/auth/refresh").then().statusCode(401);
        phone.request().get("/users/me").then().statusCode(200);
        anonymous().body(Map.of("login", phone.username(), "password", phone.password())).post("/auth/login")
                .then().statusCode(401);
        anonymous().body(Map.of("login", phone.username(), "password", NEW_PASSWORD)).post("/auth/login")
                .then().statusCode(200);
    }

    @Test
    void a_wrong_current_password_or_a_weak_new_one_changes_nothing() {
        TestUser user = TestUsers.create();
        user.request().body(Map.of("currentPassword", "not-my-password", "newPassword", NEW_PASSWORD))
                .put("/users/me/password").then().statusCode(400).body("errors[0].field", equalTo("currentPassword"));
        user.request().body(Map.of("currentPassword", user.password(), "newPassword", "12345678"))
                .put("/users/me/password").then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        anonymous().body(Map.of("login", user.username(), "password", user.password())).post("/auth/login")
                .then().statusCode(200);
    }

    @Test
    void five_wrong_passwords_from_a_signed_in_caller_stop_every_password_check_of_that_account() {
        TestUser user = TestUsers.create();
        for (int i = 0; i < 5; i++) {
            user.request().body(Map.of("password", "wrong-password-" + i)).post("/users/me/two-factor").then()
                    .statusCode(400).body("errors[0].field", equalTo("password"));
        }
        // the refusals were counted, in their own transactions
        assertThat(queryValue("select hits from rate_limit_counters where key = ?", "password-check:" + user.id()))
                .isEqualTo(5);
        // a stolen access token cannot go on guessing: even the right password now waits
        user.request().body(Map.of("password", user.password())).delete("/users/me").then().statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json");
        user.request().get("/users/me").then().statusCode(200);
        assertThat(queryValue("select deactivated_at is null from users where id = ?", user.id())).isEqualTo(true);
    }

    @Test
    void deleting_the_account_ends_its_sessions_and_hides_it() {
        TestUser user = TestUsers.create();
        TestUser otherSession = TestUsers.login(user);
        TestUser viewer = TestUsers.create();
        user.request().body(Map.of("password", "wrong-password")).delete("/users/me").then().statusCode(400);
        user.request().body(Map.of("password", user.password())).delete("/users/me").then().statusCode(204);
        user.request().get("/users/me").then().statusCode(401);
        otherSession.request().get("/users/me").then().statusCode(401);
        viewer.request().get("/users/" + user.username()).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(queryValue("select deactivated_at is not null from users where id = ?", user.id())).isEqualTo(true);
    }

    @Test
    void a_deleted_accounts_username_stays_reserved_but_its_email_is_freed() {
        TestUser user = TestUsers.createVerified();
        user.request().body(Map.of("password", user.password())).delete("/users/me").then().statusCode(204);
        anonymous().body(Map.of("username", user.username(), "email", "fresh." + user.email(),
                "password", TestUsers.PASSWORD)).post("/auth/register").then().statusCode(409)
                .body("errors[0].field", equalTo("username"));
        anonymous().body(Map.of("username", TestUsers.uniqueName("again"), "email", user.email(),
                "password", TestUsers.PASSWORD)).post("/auth/register").then().statusCode(201);
    }
}
