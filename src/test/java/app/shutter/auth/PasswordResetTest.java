package app.shutter.auth;

import app.shutter.common.devenv.ImapMailbox.CaughtMessage;
import app.shutter.support.ApiTest;
import app.shutter.support.Mailbox;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.shutter.support.TestUsers.anonymous;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Forgot -> a token by mail -> a new password; no access token needed, and nothing tells who has an account. */
@QuarkusTest
class PasswordResetTest extends ApiTest {

    private static final String NEW_PASSWORD = "a-brand-new-passphrase-9";

    private static RequestSpecification stranger() {
        return anonymous();
    }

    private static String requestToken(TestUser user, Map<String, String> identifier, int nthMail) {
        stranger().body(identifier).post("/auth/password/forgot").then().statusCode(202);
        CaughtMessage mail = Mailbox.await(user.email(), nthMail);
        assertThat(mail.subject()).isEqualTo("Reset your Shutter password");
        return Mailbox.token(mail);
    }

    @Test
    void a_reset_by_mail_sets_the_password_ends_every_session_and_sends_a_notice() {
        TestUser user = TestUsers.createVerified();
        TestUser otherDevice = TestUsers.login(user);
        String token = requestToken(user, Map.of("email", user.email().toUpperCase()), 2);

        stranger().body(Map.of("token", token, "newPassword", NEW_PASSWORD)).post("/auth/password/reset").then()
                .statusCode(204);
        user.request().get("/users/me").then().statusCode(401);
        otherDevice.request().get("/users/me").then().statusCode(401);
        anonymous().body(Map.of("refreshToken", user.refreshToken())).post("/auth/refresh").then().statusCode(401);
        stranger().body(Map.of("login", user.username(), "password", user.password())).post("/auth/login").then()
                .statusCode(401);
        stranger().body(Map.of("email", user.email(), "password", NEW_PASSWORD)).post("/auth/login").then()
                .statusCode(200);
        assertThat(Mailbox.await(user.email(), 3).subject()).isEqualTo("Your Shutter password was reset");

        stranger().body(Map.of("token", token, "newPassword", "yet-another-passphrase-7"))
                .post("/auth/password/reset").then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo(PasswordReset.INVALID));
    }

    @Test
    void a_reset_by_username_also_verifies_the_address_it_was_mailed_to() {
        TestUser user = TestUsers.create();
        String token = requestToken(user, Map.of("username", user.username()), 2);
        stranger().body(Map.of("token", token, "newPassword", NEW_PASSWORD)).post("/auth/password/reset").then()
                .statusCode(204);
        assertThat(queryValue("select email_verified_at is not null from users where id = ?", user.id()))
                .isEqualTo(true);
    }

    @Test
    void forgot_answers_the_same_for_nobody_and_an_unverified_address_and_mails_neither() {
        TestUser unverified = TestUsers.create();
        String nobody = "nobody." + unverified.email();
        stranger().body(Map.of("email", nobody)).post("/auth/password/forgot").then().statusCode(202);
        stranger().body(Map.of("email", unverified.email())).post("/auth/password/forgot").then().statusCode(202);
        stranger().body(Map.of("username", "no_such_user_at_all")).post("/auth/password/forgot").then()
                .statusCode(202);
        // each request became one outbox row; the job found no account for any of them
        Mailbox.await(unverified.email(), 1);
        long dropped = 0;
        for (int i = 0; i < 100 && dropped < 3; i++) {
            dropped = (Long) queryValue("select count(*) from mail_outbox where kind = 'password_reset'"
                    + " and status = 'dropped' and recipient is null");
            sleep(100);
        }
        assertThat(dropped).isGreaterThanOrEqualTo(3L);
        assertThat(Mailbox.of(nobody)).isEmpty();
        assertThat(Mailbox.of(unverified.email())).hasSize(1); // the verification code only
    }

    @Test
    void a_token_changes_the_password_of_the_account_it_was_mailed_for_only() {
        TestUser ana = TestUsers.createVerified();
        TestUser bob = TestUsers.createVerified();
        String anasToken = requestToken(ana, Map.of("username", ana.username()), 2);
        requestToken(bob, Map.of("username", bob.username()), 2);
        stranger().body(Map.of("token", anasToken, "newPassword", NEW_PASSWORD)).post("/auth/password/reset").then()
                .statusCode(204);
        stranger().body(Map.of("username", bob.username(), "password", bob.password())).post("/auth/login").then()
                .statusCode(200);
        bob.request().get("/users/me").then().statusCode(200);
        stranger().body(Map.of("username", ana.username(), "password", NEW_PASSWORD)).post("/auth/login").then()
                .statusCode(200);
        assertThat(queryValue("select count(*) from password_resets where user_id = ? and used_at is null",
                bob.id())).isEqualTo(1L);
    }

    @Test
    void a_token_works_once_and_not_after_30_minutes() {
        TestUser user = TestUsers.createVerified();
        String token = requestToken(user, Map.of("username", user.username()), 2);
        execute("update password_resets set expires_at = now() - interval '1 second' where user_id = ?", user.id());
        stranger().body(Map.of("token", token, "newPassword", NEW_PASSWORD)).post("/auth/password/reset").then()
                .statusCode(400).body("detail", equalTo(PasswordReset.INVALID));
        stranger().body(Map.of("token", token.substring(1) + "A", "newPassword", NEW_PASSWORD))
                .post("/auth/password/reset").then().statusCode(400);
        stranger().body(Map.of("login", user.username(), "password", user.password())).post("/auth/login").then()
                .statusCode(200);
    }

    @Test
    void the_password_policy_applies_and_a_refused_password_keeps_the_token() {
        TestUser user = TestUsers.createVerified();
        String token = requestToken(user, Map.of("username", user.username()), 2);
        stranger().body(Map.of("token", token, "newPassword", "short")).post("/auth/password/reset").then()
                .statusCode(400).body("errors[0].field", equalTo("newPassword"));
        stranger().body(Map.of("token", token, "newPassword", NEW_PASSWORD)).post("/auth/password/reset").then()
                .statusCode(204);
    }

    @Test
    void forgot_takes_exactly_one_of_email_and_username_and_is_limited_per_address() {
        stranger().body(Map.of()).post("/auth/password/forgot").then().statusCode(400)
                .body("errors[0].message", containsString("exactly one of email and username"));
        stranger().body(Map.of("email", "a@example.com", "username", "a_user")).post("/auth/password/forgot")
                .then().statusCode(400);
        String address = TestUsers.newAddress();
        for (int i = 0; i < 10; i++) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                    .body(Map.of("username", "nobody_" + i)).post("/auth/password/forgot").then().statusCode(202);
        }
        given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(Map.of("username", "nobody"))
                .post("/auth/password/forgot").then().statusCode(429).header("Retry-After", notNullValue());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
