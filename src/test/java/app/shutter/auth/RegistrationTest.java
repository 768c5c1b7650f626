package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.shutter.support.TestUsers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RegistrationTest extends ApiTest {

    private static Map<String, Object> body(String username, String email, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", email);
        body.put("password", password);
        return body;
    }

    @Test
    void registering_returns_tokens_and_the_account_without_its_password() {
        Map<String, Object> body = body("Jane.Doe_1", "Jane1@Example.com", TestUsers.PASSWORD);
        body.put("name", "Jane Doe");
        body.put("phone", "+44 20 7946 0958");
        anonymous().body(body).post("/auth/register").then()
                .statusCode(201)
                .header("Location", containsString("/users/jane.doe_1"))
                .body("accessToken", not(emptyOrNullString()))
                .body("refreshToken", not(emptyOrNullString()))
                .body("expiresIn", equalTo(900))
                .body("user.id", notNullValue())
                .body("user.username", equalTo("jane.doe_1"))
                .body("user.email", equalTo("Jane1@Example.com"))
                .body("user.name", equalTo("Jane Doe"))
                .body("user.phone", equalTo("+44 20 7946 0958"))
                .body("user.isPrivate", equalTo(false))
                .body("user.followersCount", equalTo(0))
                .body("user", hasKey("bio"))
                .body("user.bio", nullValue())
                .body("user", not(hasKey("password")))
                .body("user", not(hasKey("passwordHash")));
        String hash = (String) queryValue("select password_hash from users where username = 'jane.doe_1'");
        assertThat(hash).startsWith("$2").doesNotContain(TestUsers.PASSWORD);
        assertThat(Integer.parseInt(hash.substring(4, 6))).isGreaterThanOrEqualTo(10);
    }

    @Test
    void a_malformed_username_is_refused_naming_the_field() {
        anonymous().body(body("no spaces!", "a1@example.com", TestUsers.PASSWORD)).post("/auth/register").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("username"));
        anonymous().body(body("ab", "a2@example.com", TestUsers.PASSWORD)).post("/auth/register").then()
                .statusCode(400).body("errors.field", hasItem("username"));
    }

    @Test
    void a_reserved_username_is_refused_whatever_its_case() {
        anonymous().body(body("Admin", "a3@example.com", TestUsers.PASSWORD)).post("/auth/register").then()
                .statusCode(400).body("errors[0].field", equalTo("username"))
                .body("errors[0].message", equalTo("is reserved"));
    }

    @Test
    void passwords_outside_8_to_72_bytes_are_refused_not_truncated() {
        anonymous().body(body(TestUsers.uniqueName("p"), "p1@example.com", "short1!")).post("/auth/register").then()
                .statusCode(400).body("errors[0].field", equalTo("password"));
        // 37 two-byte characters: 74 bytes although only 37 characters
        anonymous().body(body(TestUsers.uniqueName("p"), "p2@example.com", "é".repeat(37))).post("/auth/register")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
        anonymous().body(body(TestUsers.uniqueName("p"), "p3@example.com", "x9".repeat(36))).post("/auth/register")
                .then().statusCode(201);
    }

    @Test
    void a_common_password_is_refused() {
        anonymous().body(body(TestUsers.uniqueName("c"), "c1@example.com", "Password123")).post("/auth/register")
                .then().statusCode(400).body("errors[0].field", equalTo("password"))
                .body("errors[0].message", containsString("common"));
    }

    @Test
    void an_invalid_email_is_refused() {
        anonymous().body(body(TestUsers.uniqueName("e"), "not-an-email", TestUsers.PASSWORD)).post("/auth/register")
                .then().statusCode(400).body("errors.field", hasItem("email"));
    }

    @Test
    void a_taken_username_or_verified_email_is_a_conflict_naming_the_field() {
        TestUsers.TestUser taken = TestUsers.createVerified();
        anonymous().body(body(taken.username().toUpperCase(), "other@example.com", TestUsers.PASSWORD))
                .post("/auth/register").then()
                .statusCode(409).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("username")));
        anonymous().body(body(TestUsers.uniqueName("x"), taken.email().toUpperCase(), TestUsers.PASSWORD))
                .post("/auth/register").then()
                .statusCode(409).body("errors.field", equalTo(List.of("email")));
    }

    @Test
    void fields_that_cannot_be_set_are_refused() {
        Map<String, Object> body = body(TestUsers.uniqueName("m"), "m1@example.com", TestUsers.PASSWORD);
        body.put("followersCount", 1000);
        anonymous().body(body).post("/auth/register").then()
                .statusCode(400).body("errors[0].field", equalTo("followersCount"));
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() {
        anonymous().body("{\"username\": ").post("/auth/register").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
        anonymous().body("").post("/auth/register").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void two_racing_registrations_of_one_username_do_not_both_succeed() throws Exception {
        String username = TestUsers.uniqueName("race");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                attempts.add(() -> anonymous().contentType(ContentType.JSON)
                        .body(body(username, "race" + n + "@example.com", TestUsers.PASSWORD))
                        .post("/auth/register").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(queryValue("select count(*) from users where username = ?", username)).isEqualTo(1L);
        } finally {
            pool.shutdownNow();
        }
    }
}
