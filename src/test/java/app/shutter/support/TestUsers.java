package app.shutter.support;

import app.shutter.common.devenv.ImapMailbox.CaughtMessage;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Creates accounts through the API and hands out their tokens. */
public final class TestUsers {

    public static final String PASSWORD = "Tr0ub4dor&3-horse";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestUsers() {
    }

    public record TestUser(long id, String username, String email, String password, String accessToken,
                           String refreshToken, String address) {

        public RequestSpecification request() {
            return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                    .auth().oauth2(accessToken);
        }

        /** For multipart requests: RestAssured sets the multipart content type itself. */
        public RequestSpecification upload() {
            return given().header("X-Forwarded-For", address).auth().oauth2(accessToken);
        }

        public TestUser withTokens(String access, String refresh) {
            return new TestUser(id, username, email, password, access, refresh, address);
        }
    }

    /** A fresh, unique client address, so rate limits of one test never touch another. */
    public static String newAddress() {
        int n = SEQUENCE.incrementAndGet();
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    public static String uniqueName(String prefix) {
        return prefix + "_" + System.nanoTime() % 1_000_000_000L + SEQUENCE.incrementAndGet();
    }

    public static TestUser create() {
        return create(uniqueName("user"));
    }

    public static TestUser create(String username) {
        String email = username + "+" + SEQUENCE.incrementAndGet() + "@example.com";
        String address = newAddress();
        ValidatableResponse response = given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("username", username, "email", email, "password", PASSWORD))
                .post("/auth/register").then().statusCode(201);
        return new TestUser(response.extract().jsonPath().getLong("user.id"), username, email, PASSWORD,
                response.extract().path("accessToken"), response.extract().path("refreshToken"), address);
    }

    /** An account whose address is verified with the code mailed to it, as its owner would. */
    public static TestUser createVerified() {
        TestUser user = create();
        verify(user);
        return user;
    }

    /** Verifies the address with the code of the latest verification mail to this account. */
    public static void verify(TestUser user) {
        List<CaughtMessage> mine = Mailbox.await(user.email(), messages -> messages.stream()
                .anyMatch(m -> m.text().contains("Hello " + user.username() + ","))).stream()
                .filter(m -> m.text().contains("Hello " + user.username() + ",")).toList();
        String code = Mailbox.code(mine.get(mine.size() - 1));
        user.request().body(Map.of("code", code)).post("/auth/email/verify").then().statusCode(200);
    }

    /** A second session of the same account. */
    public static TestUser login(TestUser user) {
        ValidatableResponse response = given().contentType(ContentType.JSON).header("X-Forwarded-For", user.address())
                .body(Map.of("login", user.username(), "password", user.password()))
                .post("/auth/login").then().statusCode(200);
        return user.withTokens(response.extract().path("accessToken"), response.extract().path("refreshToken"));
    }

    /** An access token of the user's current session, signed like the server's, that expires at a given time. */
    public static String tokenExpiringAt(TestUser user, Instant expiresAt) {
        String payload = new String(Base64.getUrlDecoder().decode(user.accessToken().split("\\.")[1]),
                StandardCharsets.UTF_8);
        long session = new JsonPath(payload).getLong("sid");
        return Jwt.issuer("https://shutter.app").audience("shutter-api").subject(String.valueOf(user.id()))
                .claim("sid", session).issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt)
                .jws().algorithm(SignatureAlgorithm.RS256).sign();
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", newAddress());
    }
}
