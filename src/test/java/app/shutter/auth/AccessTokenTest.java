package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AccessTokenTest extends ApiTest {

    private static void refused(String token) {
        given().auth().oauth2(token).get("/users/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    private static String token(TestUser user, Instant issuedAt, Instant expiresAt, String issuer) {
        return Jwt.issuer(issuer).audience("shutter-api").subject(String.valueOf(user.id())).upn(user.username())
                .groups(Set.of("user")).claim("sid", sessionOf(user)).issuedAt(issuedAt).expiresAt(expiresAt).sign();
    }

    private static long sessionOf(TestUser user) {
        String payload = user.accessToken().split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return Long.parseLong(json.replaceAll(".*\"sid\":(\\d+).*", "$1"));
    }

    @Test
    void the_access_token_carries_the_documented_claims() {
        TestUser user = TestUsers.create();
        String json = new String(Base64.getUrlDecoder().decode(user.accessToken().split("\\.")[1]),
                StandardCharsets.UTF_8);
        String header = new String(Base64.getUrlDecoder().decode(user.accessToken().split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RS256\"");
        assertThat(json).contains("\"sub\":\"" + user.id() + "\"", "\"upn\":\"" + user.username() + "\"",
                "\"iss\":\"https://shutter.app\"", "\"aud\":", "\"jti\":", "\"sid\":", "\"iat\":", "\"exp\":",
                "\"groups\":[\"user\"]");
        user.request().get("/users/me").then().statusCode(200).body("id", equalTo((int) user.id()));
    }

    @Test
    void a_request_without_a_token_is_401_with_a_bearer_challenge() {
        given().get("/users/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void a_malformed_token_is_refused() {
        refused("not-a-jwt");
    }

    @Test
    void a_tampered_token_is_refused() {
        TestUser user = TestUsers.create();
        String[] parts = user.accessToken().split("\\.");
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + user.id() + "\"", "\"sub\":\"" + (user.id() + 1) + "\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        refused(forged);
    }

    @Test
    void an_expired_token_is_refused() {
        TestUser user = TestUsers.create();
        Instant now = Instant.now();
        refused(token(user, now.minusSeconds(3600), now.minusSeconds(5), "https://shutter.app"));
        // the same construction, unexpired, is accepted: the refusal above is due to expiry only
        given().auth().oauth2(token(user, now, now.plusSeconds(60), "https://shutter.app"))
                .get("/users/me").then().statusCode(200);
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        TestUser user = TestUsers.create();
        Instant now = Instant.now();
        refused(token(user, now, now.plusSeconds(60), "https://evil.example"));
    }

    @Test
    void tokens_signed_with_another_algorithm_are_refused() {
        TestUser user = TestUsers.create();
        Instant now = Instant.now();
        String hs256 = Jwt.issuer("https://shutter.app").audience("shutter-api").subject(String.valueOf(user.id()))
                .upn(user.username()).claim("sid", sessionOf(user)).issuedAt(now).expiresAt(now.plusSeconds(60))
                .signWithSecret("a-shared-secret-that-is-long-enough-for-hs256-signing");
        refused(hs256);
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        refused(header + "." + user.accessToken().split("\\.")[1] + ".");
    }

    @Test
    void a_token_without_a_session_is_refused() {
        TestUser user = TestUsers.create();
        Instant now = Instant.now();
        refused(Jwt.issuer("https://shutter.app").audience("shutter-api").subject(String.valueOf(user.id()))
                .upn(user.username()).issuedAt(now).expiresAt(now.plusSeconds(60)).sign());
    }
}
