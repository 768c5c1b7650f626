package app.shutter.auth;

import app.shutter.common.devenv.ImapMailbox.CaughtMessage;
import app.shutter.support.ApiTest;
import app.shutter.support.Mailbox;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.shutter.support.TestUsers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Registration mails a code to the address; the code, and only it, verifies the address. */
@QuarkusTest
class EmailVerificationTest extends ApiTest {

    @Test
    void registering_mails_a_code_that_verifies_the_address() {
        TestUser user = TestUsers.create();
        user.request().get("/users/me").then().statusCode(200).body("emailVerified", equalTo(false));
        CaughtMessage mail = Mailbox.await(user.email(), 1);
        assertThat(mail.subject()).contains(Mailbox.code(mail));
        assertThat(mail.html()).contains(Mailbox.code(mail)).contains(user.username());
        assertThat(mail.messageId()).isEqualTo(queryValue(
                "select message_id from mail_outbox where recipient = ? and status = 'sent'", user.email()));
        assertThat(queryValue("select text_body is null from mail_outbox where recipient = ?", user.email()))
                .as("the code is not kept once sent").isEqualTo(true);

        user.request().body(Map.of("code", Mailbox.code(mail))).post("/auth/email/verify").then()
                .statusCode(200).body("emailVerified", equalTo(true)).body("email", equalTo(user.email()));
        user.request().get("/users/me").then().body("emailVerified", equalTo(true));
        user.request().body(Map.of("code", Mailbox.code(mail))).post("/auth/email/verify").then()
                .statusCode(400).body("detail", containsString("already verified"));
    }

    @Test
    void five_wrong_codes_spend_the_code_and_a_new_one_replaces_it() {
        TestUser user = TestUsers.create();
        String code = Mailbox.code(Mailbox.await(user.email(), 1));
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < MailedCode.MAX_ATTEMPTS; i++) {
            user.request().body(Map.of("code", wrong)).post("/auth/email/verify").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", equalTo("The code is not right"));
        }
        user.request().body(Map.of("code", code)).post("/auth/email/verify").then().statusCode(400)
                .body("detail", containsString("Too many wrong codes"));

        user.request().post("/auth/email/resend").then().statusCode(202);
        String second = Mailbox.code(Mailbox.await(user.email(), 2));
        user.request().body(Map.of("code", second)).post("/auth/email/verify").then().statusCode(200);
    }

    @Test
    void an_expired_code_or_one_that_is_not_six_digits_changes_nothing() {
        TestUser user = TestUsers.create();
        String code = Mailbox.code(Mailbox.await(user.email(), 1));
        user.request().body(Map.of("code", "12345")).post("/auth/email/verify").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        execute("update email_verifications set expires_at = now() - interval '1 second' where user_id = ?",
                user.id());
        user.request().body(Map.of("code", code)).post("/auth/email/verify").then().statusCode(400)
                .body("detail", containsString("expired"));
        user.request().get("/users/me").then().body("emailVerified", equalTo(false));
    }

    @Test
    void an_unverified_address_reserves_nothing_and_the_first_to_verify_it_keeps_it() {
        TestUser first = TestUsers.create();
        String shared = first.email();
        String secondName = TestUsers.uniqueName("second");
        String second = anonymous()
                .body(Map.of("username", secondName, "email", shared, "password", TestUsers.PASSWORD))
                .post("/auth/register").then().statusCode(201).extract().path("accessToken");
        CaughtMessage secondCode = Mailbox.await(shared, messages -> messages.size() >= 2).stream()
                .filter(m -> m.text().contains("Hello " + secondName + ",")).findFirst().orElseThrow();

        TestUsers.verify(first);
        anonymous().auth().oauth2(second).body(Map.of("code", Mailbox.code(secondCode)))
                .post("/auth/email/verify").then().statusCode(409).body("errors[0].field", equalTo("email"));
        // and now the address is taken for new accounts too
        anonymous()
                .body(Map.of("username", TestUsers.uniqueName("third"), "email", shared,
                        "password", TestUsers.PASSWORD))
                .post("/auth/register").then().statusCode(409).body("errors[0].field", equalTo("email"));
    }

    @Test
    void an_unverified_address_does_not_log_in_until_verified() {
        TestUser user = TestUsers.create();
        Map<String, String> byEmail = Map.of("email", user.email(), "password", user.password());
        anonymous().header("X-Forwarded-For", user.address()).body(byEmail).post("/auth/login").then()
                .statusCode(401);
        anonymous().header("X-Forwarded-For", user.address())
                .body(Map.of("username", user.username(), "password", user.password()))
                .post("/auth/login").then().statusCode(200);
        TestUsers.verify(user);
        anonymous().header("X-Forwarded-For", user.address()).body(byEmail).post("/auth/login").then()
                .statusCode(200);
    }

    @Test
    void codes_need_a_token_and_resends_are_limited() {
        anonymous().body(Map.of("code", "123456")).post("/auth/email/verify").then().statusCode(401);
        anonymous().post("/auth/email/resend").then().statusCode(401);
        TestUser user = TestUsers.create();
        for (int i = 0; i < 5; i++) {
            user.request().post("/auth/email/resend").then().statusCode(202);
        }
        user.request().post("/auth/email/resend").then().statusCode(429)
                .contentType("application/problem+json");
        TestUser verified = TestUsers.createVerified();
        verified.request().post("/auth/email/resend").then().statusCode(400);
    }

    @Test
    void a_refused_registration_mails_nothing() {
        TestUser taken = TestUsers.create();
        String address = "never." + taken.email();
        anonymous()
                .body(Map.of("username", taken.username(), "email", address, "password", TestUsers.PASSWORD))
                .post("/auth/register").then().statusCode(409);
        assertThat(queryValue("select count(*) from mail_outbox where recipient = ?", address)).isEqualTo(0L);
        assertThat(Mailbox.of(address)).isEmpty();
    }
}
