package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class LoginTest extends ApiTest {

    private static Response login(String address, String login, String password) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("login", login, "password", password)).post("/auth/login");
    }

    @Test
    void logging_in_by_username_or_verified_email_starts_a_session() {
        TestUser user = TestUsers.createVerified();
        login(user.address(), user.username().toUpperCase(), user.password()).then()
                .statusCode(200)
                .body("accessToken", not(emptyOrNullString()))
                .body("refreshToken", not(emptyOrNullString()))
                .body("user.username", equalTo(user.username()))
                .body("user.email", equalTo(user.email()))
                .body("deviceToken", not(emptyOrNullString()));
        login(user.address(), user.email().toUpperCase(), user.password()).then().statusCode(200);
        assertThat(queryValue("select count(*) from sessions where user_id = ?", user.id())).isEqualTo(3L);
    }

    @Test
    void unknown_user_and_wrong_password_get_the_same_401() {
        TestUser user = TestUsers.create();
        Response wrongPassword = login(TestUsers.newAddress(), user.username(), "wrong-password-1");
        Response unknownUser = login(TestUsers.newAddress(), "nobody_here_at_all", "wrong-password-1");
        wrongPassword.then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        unknownUser.then().statusCode(401);
        assertThat(unknownUser.jsonPath().getMap("$")).isEqualTo(wrongPassword.jsonPath().getMap("$"));
    }

    @Test
    void a_deleted_account_cannot_log_in() {
        TestUser user = TestUsers.create();
        user.request().body(Map.of("password", user.password())).delete("/users/me").then().statusCode(204);
        login(TestUsers.newAddress(), user.username(), user.password()).then().statusCode(401);
    }

    @Test
    void missing_fields_are_a_validation_error() {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", TestUsers.newAddress())
                .body(Map.of("login", "someone")).post("/auth/login").then()
                .statusCode(400).body("errors[0].field", equalTo("password"));
    }

    @Test
    void the_account_is_named_by_exactly_one_of_login_username_and_email() {
        TestUser user = TestUsers.createVerified();
        for (String field : new String[]{"login", "username", "email"}) {
            String value = field.equals("email") ? user.email() : user.username();
            given().contentType(ContentType.JSON).header("X-Forwarded-For", user.address())
                    .body(Map.of(field, value, "password", user.password())).post("/auth/login").then()
                    .statusCode(200);
        }
        given().contentType(ContentType.JSON).header("X-Forwarded-For", user.address())
                .body(Map.of("username", user.username(), "email", user.email(), "password", user.password()))
                .post("/auth/login").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", equalTo("send exactly one of login, username and email"));
        given().contentType(ContentType.JSON).header("X-Forwarded-For", user.address())
                .body(Map.of("password", user.password())).post("/auth/login").then().statusCode(400);
    }
}
