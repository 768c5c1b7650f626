package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The caller's sessions: listed with their device and network, ended one by one or all but this one. */
@QuarkusTest
class SessionListTest extends ApiTest {

    /** A login from a device with a user agent and an address of its own; its tokens. */
    private static TestUser loginFrom(TestUser user, String userAgent, String address) {
        JsonPath login = given().contentType("application/json").header("User-Agent", userAgent)
                .header("X-Forwarded-For", address).body(Map.of("login", user.username(), "password", user.password()))
                .post("/auth/login").then().statusCode(200).extract().jsonPath();
        return user.withTokens(login.getString("accessToken"), login.getString("refreshToken"));
    }

    private static long sessionOf(TestUser user) {
        return user.request().get("/users/me/sessions").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.current }.id");
    }

    @Test
    void sessions_are_listed_newest_first_with_device_network_and_the_current_one_marked() {
        TestUser first = TestUsers.create();
        TestUser phone = loginFrom(first, "ShutterPhone/2.1 (Android 15)", "203.0.113.77");
        TestUser laptop = loginFrom(first, "Mozilla/5.0 (X11; Linux x86_64)", "2001:db8:abcd:12::1");

        JsonPath list = laptop.request().get("/users/me/sessions").then().statusCode(200)
                .body("items.size()", equalTo(3)).body("nextCursor", nullValue()).extract().jsonPath();
        assertThat(list.getList("items.current", Boolean.class)).containsExactly(true, false, false);
        assertThat(list.getList("items.userAgent", String.class).subList(0, 2))
                .containsExactly("Mozilla/5.0 (X11; Linux x86_64)", "ShutterPhone/2.1 (Android 15)");
        assertThat(list.getString("items[2].userAgent")).startsWith("Apache-HttpClient/"); // the registration's
        assertThat(list.getList("items.clientAddress", String.class))
                .containsExactly("2001:db8:abcd::/48", "203.0.113.0/24", first.address().replaceAll("\\.\\d+$", ".0/24"));
        assertThat(list.getString("items[0].lastRefreshedAt")).isNull();
        phone.request().get("/users/me/sessions?limit=1").then().body("items.size()", equalTo(1))
                .body("nextCursor", notNullValue()).body("items[0].current", equalTo(false));

        // a refresh is the one write: "last refreshed" moves, nothing else does
        String refreshed = given().contentType("application/json").body(Map.of("refreshToken", phone.refreshToken()))
                .post("/auth/refresh").then().statusCode(200).extract().path("accessToken");
        laptop.request().get("/users/me/sessions").then()
                .body("items.find { it.userAgent.startsWith('ShutterPhone') }.lastRefreshedAt", notNullValue());
        assertThat(refreshed).isNotBlank();
        TestUsers.anonymous().get("/users/me/sessions").then().statusCode(401);
    }

    @Test
    void ending_a_session_refuses_its_tokens_at_once_and_another_accounts_session_is_404() {
        TestUser ana = TestUsers.create();
        TestUser lost = loginFrom(ana, "OldPhone/1.0", "198.51.100.4");
        TestUser mallory = TestUsers.create();
        long lostSession = sessionOf(lost);

        mallory.request().delete("/users/me/sessions/" + lostSession).then().statusCode(404);
        lost.request().get("/users/me").then().statusCode(200);

        ana.request().delete("/users/me/sessions/" + lostSession).then().statusCode(204);
        lost.request().get("/users/me").then().statusCode(401);
        given().contentType("application/json").body(Map.of("refreshToken", lost.refreshToken()))
                .post("/auth/refresh").then().statusCode(401);
        ana.request().delete("/users/me/sessions/" + lostSession).then().statusCode(404);
        ana.request().get("/users/me/sessions").then().body("items.size()", equalTo(1))
                .body("items[0].current", equalTo(true));
        ana.request().delete("/users/me/sessions/0").then().statusCode(404)
                .contentType("application/problem+json");
        ana.request().delete("/users/me/sessions/abc").then().statusCode(404);
    }

    @Test
    void revoking_the_others_keeps_only_the_session_that_asked() {
        TestUser bo = TestUsers.create();
        List<TestUser> others = List.of(loginFrom(bo, "A/1", "192.0.2.1"), loginFrom(bo, "B/1", "192.0.2.2"));
        TestUser keeper = loginFrom(bo, "Keeper/1", "192.0.2.3");
        keeper.request().post("/users/me/sessions/revoke-others").then().statusCode(204);
        bo.request().get("/users/me").then().statusCode(401);
        others.forEach(other -> other.request().get("/users/me").then().statusCode(401));
        keeper.request().get("/users/me/sessions").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].userAgent", equalTo("Keeper/1"));
        assertThat(queryValue("select count(*) from sessions where user_id = ? and revoked_at is null", bo.id()))
                .isEqualTo(1L);
    }
}
