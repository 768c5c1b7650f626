package app.shutter.common;

import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class OperationsTest {

    @Test
    void every_response_carries_security_headers_and_a_request_id() {
        given().get("/feed").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer").header("Content-Security-Policy", "frame-ancestors 'none'")
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "from-the-proxy-1").get("/q/health/live").then()
                .header("X-Request-Id", "from-the-proxy-1");
        given().header("X-Request-Id", "bad id with spaces").get("/q/health/live").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void tokens_and_the_callers_own_account_are_never_stored_by_a_cache() {
        TestUser user = TestUsers.create();
        user.request().get("/users/me").then().statusCode(200).header("Cache-Control", "no-store");
        given().contentType("application/json")
                .body(Map.of("login", user.username(), "password", user.password()))
                .post("/auth/login").then().statusCode(200).header("Cache-Control", "no-store");
        given().contentType("application/json").body(Map.of("login", user.username(), "password", "wrong-one"))
                .post("/auth/login").then().statusCode(401).header("Cache-Control", "no-store");
        user.request().get("/users/" + user.username()).then().statusCode(200)
                .header("Cache-Control", nullValue());
    }

    @Test
    void cors_answers_only_origins_on_the_allow_list() {
        given().header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST")
                .options("/posts").then().header("Access-Control-Allow-Origin", equalTo("https://app.example.com"));
        given().header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "POST")
                .options("/posts").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void prometheus_metrics_include_http_timings_pools_and_realtime_gauges() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("agroal_"))
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("shutter_chat_connections"))
                .body(containsString("shutter_sse_streams"));
    }
}
