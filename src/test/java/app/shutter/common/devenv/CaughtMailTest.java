package app.shutter.common.devenv;

import app.shutter.support.ApiTest;
import app.shutter.support.Mailbox;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** While the embedded SMTP server runs, GET /dev/mail shows what it caught for an address, newest first. */
@QuarkusTest
class CaughtMailTest extends ApiTest {

    @Test
    void the_mailbox_route_lists_the_mail_of_an_address_newest_first() {
        TestUser user = TestUsers.create();
        Mailbox.await(user.email(), 1);
        user.request().post("/auth/email/resend").then().statusCode(202);
        Mailbox.await(user.email(), 2);
        given().queryParam("to", user.email()).get("/dev/mail").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("$", hasSize(2))
                .body("[0].subject", startsWith("Your Shutter verification code"))
                .body("[0].to", containsString(user.email()))
                .body("[0].messageId", startsWith("<"));
        given().queryParam("to", "nobody.at.all@example.com").get("/dev/mail").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void the_mailbox_route_needs_an_address() {
        given().get("/dev/mail").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
    }
}
