package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@TestProfile(RegistrationRateLimitTest.ThreePerHour.class)
class RegistrationRateLimitTest extends ApiTest {

    public static class ThreePerHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shutter.auth.rate-limit.registrations-per-address", "3");
        }
    }

    private static io.restassured.response.Response register(String address) {
        String username = TestUsers.uniqueName("rl");
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("username", username, "email", username + "@example.com", "password", TestUsers.PASSWORD))
                .post("/auth/register");
    }

    @Test
    void registrations_from_one_address_are_limited() {
        String address = TestUsers.newAddress();
        for (int i = 0; i < 3; i++) {
            register(address).then().statusCode(201);
        }
        register(address).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", not(emptyOrNullString()));
        register(TestUsers.newAddress()).then().statusCode(201);
    }
}
