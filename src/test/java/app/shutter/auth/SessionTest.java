package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.shutter.support.TestUsers.anonymous;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class SessionTest extends ApiTest {

    @Inject
    RevocationSync revocationSync;

    private static Response refresh(String refreshToken) {
        return anonymous().body(Map.of("refreshToken", refreshToken)).post("/auth/refresh");
    }

    @Test
    void refreshing_rotates_the_token_pair() {
        TestUser user = TestUsers.create();
        Response rotated = refresh(user.refreshToken());
        rotated.then().statusCode(200)
                .body("refreshToken", not(equalTo(user.refreshToken())))
                .body("user.id", equalTo((int) user.id()))
                .body("expiresIn", equalTo(900));
        given().auth().oauth2(rotated.path("accessToken").toString()).get("/users/me").then().statusCode(200);
        refresh(rotated.path("refreshToken").toString()).then().statusCode(200);
    }

    @Test
    void reusing_a_refresh_token_ends_the_whole_session() {
        TestUser user = TestUsers.create();
        Response rotated = refresh(user.refreshToken());
        rotated.then().statusCode(200);
        refresh(user.refreshToken()).then().statusCode(401).contentType("application/problem+json");
        // the thief's reuse revoked the family: the legitimate new tokens stop working too
        refresh(rotated.path("refreshToken").toString()).then().statusCode(401);
        given().auth().oauth2(rotated.path("accessToken").toString()).get("/users/me").then().statusCode(401);
        given().auth().oauth2(user.accessToken()).get("/users/me").then().statusCode(401);
    }

    @Test
    void an_unknown_refresh_token_is_401() {
        refresh("made-up-token").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void logout_revokes_the_access_and_refresh_tokens_of_that_session_only() {
        TestUser first = TestUsers.create();
        TestUser second = TestUsers.login(first);
        first.request().post("/auth/logout").then().statusCode(204);
        first.request().get("/users/me").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        refresh(first.refreshToken()).then().statusCode(401);
        second.request().get("/users/me").then().statusCode(200);
        refresh(second.refreshToken()).then().statusCode(200);
    }

    @Test
    void logout_needs_a_token() {
        given().post("/auth/logout").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_session_revoked_by_another_instance_is_refused_after_the_next_poll() {
        TestUser user = TestUsers.create();
        user.request().get("/users/me").then().statusCode(200);
        // another instance sharing the database revokes the session: only the row changes
        assertThat(execute("update sessions set revoked_at = now() where user_id = ?", user.id())).isEqualTo(1);
        revocationSync.poll();
        user.request().get("/users/me").then().statusCode(401);
    }
}
