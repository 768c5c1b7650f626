package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Failed logins slow an attacker per address, per account and address, and per account, never the owner's devices. */
@QuarkusTest
class LoginLimitsTest extends ApiTest {

    private static Response login(String address, String login, String password, String deviceToken) {
        Map<String, Object> body = new HashMap<>(Map.of("login", login, "password", password));
        if (deviceToken != null) {
            body.put("deviceToken", deviceToken);
        }
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(body)
                .post("/auth/login");
    }

    @Test
    void five_failures_for_one_account_from_one_address_stop_that_address_only() {
        TestUser user = TestUsers.create();
        String address = TestUsers.newAddress();
        for (int i = 0; i < 5; i++) {
            login(address, user.username(), "wrong-password-" + i, null).then().statusCode(401);
        }
        Response limited = login(address, user.username(), user.password(), null);
        limited.then().statusCode(429).contentType("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 15 * 60L);
        login(TestUsers.newAddress(), user.username(), user.password(), null).then().statusCode(200);
    }

    @Test
    void twenty_failures_from_one_address_stop_it_for_every_account() {
        TestUser user = TestUsers.create();
        String address = TestUsers.newAddress();
        for (int i = 0; i < 20; i++) {
            login(address, "nobody_" + i, "wrong-password-" + i, null).then().statusCode(401);
        }
        login(address, user.username(), user.password(), null).then().statusCode(429)
                .header("Retry-After", not(emptyOrNullString()));
        login(TestUsers.newAddress(), user.username(), user.password(), null).then().statusCode(200);
    }

    @Test
    void a_stranger_failing_from_many_addresses_slows_new_devices_but_never_locks_out_a_known_one() {
        TestUser user = TestUsers.createVerified();
        String phone = login(TestUsers.newAddress(), user.username(), user.password(), null).then().statusCode(200)
                .extract().jsonPath().getString("deviceToken");
        for (int i = 0; i < 50; i++) {
            login(TestUsers.newAddress(), user.email(), "wrong-password-" + i, null).then().statusCode(401);
        }
        login(TestUsers.newAddress(), user.username(), user.password(), null).then().statusCode(429);
        login(TestUsers.newAddress(), user.username(), user.password(), "not-a-device-of-this-account").then()
                .statusCode(429);
        login(TestUsers.newAddress(), user.username(), user.password(), phone).then().statusCode(200)
                .body("deviceToken", equalTo(phone));
        TestUser other = TestUsers.create();
        login(TestUsers.newAddress(), other.username(), other.password(), phone).then().statusCode(200)
                .body("deviceToken", not(equalTo(phone)));
    }

    @Test
    void the_counts_live_in_the_database_and_outlast_the_refused_requests() {
        TestUser user = TestUsers.create();
        String address = TestUsers.newAddress();
        for (int i = 0; i < 3; i++) {
            login(address, user.username(), "wrong-password-" + i, null).then().statusCode(401);
        }
        assertThat(queryValue("select hits from rate_limit_counters where key = ?",
                "login-account-address:user:" + user.id() + "@" + address)).isEqualTo(3);
        assertThat(queryValue("select hits from rate_limit_counters where key = ?",
                "login-account:user:" + user.id())).isEqualTo(3);
        assertThat(queryValue("select hits from rate_limit_counters where key = ?", "login-address:" + address))
                .isEqualTo(3);
        assertThat(queryValue("select count(*) from known_devices where user_id = ?", user.id())).isEqualTo(1L);
    }

    @Test
    void three_times_the_pool_of_concurrent_logins_all_succeed() throws Exception {
        // each login once held a connection while it waited for a second one, so a burst larger than the pool
        // (20) starved it: "acquisition timeout", a 500
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            users.add(TestUsers.create());
        }
        ExecutorService pool = Executors.newFixedThreadPool(60);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> logins = new ArrayList<>();
            for (TestUser user : users) {
                logins.add(pool.submit(() -> {
                    start.await();
                    return login(TestUsers.newAddress(), user.username(), user.password(), null).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> login : logins) {
                assertThat(login.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
    }
}
