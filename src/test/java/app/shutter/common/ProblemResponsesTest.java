package app.shutter.common;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Every error, including those raised before a resource runs, is problem+json without internals. */
@QuarkusTest
class ProblemResponsesTest extends ApiTest {

    @Test
    void an_unknown_route_is_a_404_problem() {
        given().get("/no/such/route").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not Found"))
                .body("instance", equalTo("/no/such/route"));
    }

    @Test
    void an_unknown_route_under_an_existing_resource_is_a_404_problem() {
        TestUser user = TestUsers.create();
        user.request().get("/users/me/nothing/here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        given().contentType(ContentType.JSON).get("/auth/login").then().statusCode(405)
                .contentType("application/problem+json").body("status", equalTo(405));
    }

    @Test
    void a_json_body_naming_a_field_twice_is_a_400_problem() {
        given().contentType(ContentType.JSON).body("{\"refreshToken\": \"0\", \"refreshToken\": \"0\"}")
                .post("/auth/refresh").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void an_unsupported_media_type_is_a_415_problem() {
        given().contentType(ContentType.TEXT).body("username=x").post("/auth/register").then().statusCode(415)
                .contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem() throws Exception {
        // A raw socket: the server answers as soon as it sees the size, before the body is sent
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (11 * 1024 * 1024) + "\r\n\r\n{\"login\":\"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).containsIgnoringCase("content-type: application/problem+json");
            assertThat(response).contains("\"status\":413");
        }
    }

    @Test
    void an_authentication_failure_is_a_401_problem_with_a_challenge() {
        given().auth().oauth2("garbage").get("/users/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void validation_problems_list_each_field() {
        given().contentType(ContentType.JSON).body("{}").post("/auth/register").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("username", "email", "password"));
    }

    @Test
    void problems_never_expose_internals() {
        given().contentType(ContentType.JSON).body("{\"username\": [1,2]}").post("/auth/register").then()
                .statusCode(400).contentType("application/problem+json")
                .body(not(containsString("com.fasterxml"))).body(not(containsString("at app.shutter")))
                .body(not(containsString("Exception")));
    }
}
