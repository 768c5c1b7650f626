package app.shutter.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/** The client is served under /app/ with a strict policy; the API's routes and errors are untouched. */
@QuarkusTest
class WebClientTest {

    @Test
    void the_root_sends_browsers_to_the_client() {
        RestAssured.given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", endsWith("/app/"));
        RestAssured.given().redirects().follow(false).get("/app").then().statusCode(302)
                .header("Location", endsWith("/app/"));
    }

    @Test
    void the_client_page_loads_only_its_own_module_scripts_under_a_strict_policy() {
        RestAssured.get("/app/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script type=\"module\" src=\"js/app.js\"></script>"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
        RestAssured.get("/app/js/app.js").then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void api_paths_and_unknown_routes_answer_as_before() {
        RestAssured.get("/feed").then().statusCode(401).contentType("application/problem+json");
        RestAssured.get("/no-such-route").then().statusCode(404).contentType("application/problem+json");
        RestAssured.get("/app/no-such-file.js").then().statusCode(404);
    }
}
