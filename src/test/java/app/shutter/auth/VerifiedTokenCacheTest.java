package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A token that was verified once is remembered, yet every reason to refuse it still applies at once. */
@QuarkusTest
class VerifiedTokenCacheTest extends ApiTest {

    @Test
    void a_clients_second_request_with_the_same_token_skips_the_signature_check() {
        TestUser user = TestUsers.create();
        user.request().get("/users/me").then().statusCode(200);
        double hits = cacheHits();
        user.request().get("/users/me").then().statusCode(200);
        assertThat(cacheHits()).isEqualTo(hits + 1);
    }

    @Test
    void a_token_accepted_before_is_refused_once_it_expires() throws InterruptedException {
        TestUser user = TestUsers.create();
        Instant expiresAt = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 3);
        String token = TestUsers.tokenExpiringAt(user, expiresAt);
        given().auth().oauth2(token).get("/users/me").then().statusCode(200);
        given().auth().oauth2(token).get("/users/me").then().statusCode(200);
        // past the expiry and the test profile's one-second clock skew
        Thread.sleep(Math.max(0, expiresAt.toEpochMilli() + 1_500 - System.currentTimeMillis()));
        given().auth().oauth2(token).get("/users/me").then().statusCode(401);
    }

    @Test
    void a_token_accepted_before_is_refused_right_after_logout() {
        TestUser user = TestUsers.create();
        user.request().get("/users/me").then().statusCode(200);
        user.request().post("/auth/logout").then().statusCode(204);
        user.request().get("/users/me").then().statusCode(401);
    }

    @Test
    void a_copy_of_an_accepted_token_with_its_signature_altered_is_refused() {
        TestUser user = TestUsers.create();
        user.request().get("/users/me").then().statusCode(200);
        String token = user.accessToken();
        int last = token.length() - 2;
        String altered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);
        given().auth().oauth2(altered).get("/users/me").then().statusCode(401);
        given().auth().oauth2(token).get("/users/me").then().statusCode(200);
    }

    private static double cacheHits() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher hits = Pattern.compile("(?m)^cache_gets_total\\{[^}]*cache=\"verified_tokens\"[^}]*result=\"hit\"[^}]*} (\\S+)$")
                .matcher(metrics);
        assertThat(hits.find()).as("the hit counter is published").isTrue();
        return Double.parseDouble(hits.group(1));
    }
}
