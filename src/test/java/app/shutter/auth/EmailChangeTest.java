package app.shutter.auth;

import app.shutter.common.devenv.ImapMailbox.CaughtMessage;
import app.shutter.support.ApiTest;
import app.shutter.support.Mailbox;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.shutter.support.TestUsers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** A change of address: confirmed by the code mailed to the new one, undone through the link mailed to the old. */
@QuarkusTest
class EmailChangeTest extends ApiTest {

    private static final Pattern UNDO_LINK = Pattern.compile("(http\\S*/app/#/undo-email/([A-Za-z0-9_-]+))");

    private static void login(String login, String password, int status) {
        anonymous().body(Map.of("login", login, "password", password)).post("/auth/login").then().statusCode(status);
    }

    /** The notice of a change, mailed to the old address. */
    private static CaughtMessage notice(String address) {
        return Mailbox.await(address, messages -> messages.stream().anyMatch(m -> m.subject().contains("was changed")))
                .stream().filter(m -> m.subject().contains("was changed")).findFirst().orElseThrow();
    }

    @Test
    void the_new_address_becomes_the_accounts_only_with_its_code_and_the_old_one_is_told() {
        TestUser user = TestUsers.createVerified();
        String fresh = "moved." + user.email();
        user.request().body(Map.of("email", fresh, "password", user.password())).put("/users/me/email").then()
                .statusCode(202).body("pendingEmail", equalTo(fresh)).body("expiresAt", notNullValue());
        user.request().get("/users/me").then().body("email", equalTo(user.email())).body("emailVerified", equalTo(true));
        login(fresh, user.password(), 401); // not the account's yet

        String code = Mailbox.code(Mailbox.await(fresh, 1));
        String wrong = code.equals("000000") ? "000001" : "000000";
        user.request().body(Map.of("code", wrong)).post("/users/me/email/confirm").then().statusCode(400)
                .body("detail", containsString("not right"));
        user.request().body(Map.of("code", code)).post("/users/me/email/confirm").then().statusCode(200)
                .body("email", equalTo(fresh)).body("emailVerified", equalTo(true));
        login(fresh, user.password(), 200);
        login(user.email(), user.password(), 401);
        user.request().body(Map.of("code", code)).post("/users/me/email/confirm").then().statusCode(400);

        CaughtMessage notice = notice(user.email());
        assertThat(notice.text()).contains(fresh);
        assertThat(notice.html()).contains("href=\"http://localhost:8080/app/#/undo-email/");
    }

    @Test
    void the_link_to_the_old_address_undoes_the_change_once_and_ends_every_session() {
        TestUser user = TestUsers.createVerified();
        TestUser otherDevice = TestUsers.login(user);
        String taken = "taken." + user.email();
        user.request().body(Map.of("email", taken, "password", user.password())).put("/users/me/email").then()
                .statusCode(202);
        user.request().body(Map.of("code", Mailbox.code(Mailbox.await(taken, 1)))).post("/users/me/email/confirm")
                .then().statusCode(200);
        Matcher link = UNDO_LINK.matcher(notice(user.email()).text());
        assertThat(link.find()).isTrue();
        String token = link.group(2);

        anonymous().body(Map.of("token", token + "x")).post("/auth/email/undo").then().statusCode(400);
        anonymous().body(Map.of("token", token)).post("/auth/email/undo").then().statusCode(204);
        user.request().get("/users/me").then().statusCode(401);
        otherDevice.request().get("/users/me").then().statusCode(401);
        login(user.email(), user.password(), 200);
        login(taken, user.password(), 401);
        anonymous().body(Map.of("token", token)).post("/auth/email/undo").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("already used"));
        anonymous().body(Map.of()).post("/auth/email/undo").then().statusCode(400);
    }

    @Test
    void a_change_needs_the_password_a_free_address_and_a_session_and_codes_run_out() {
        TestUser user = TestUsers.create();
        TestUser other = TestUsers.createVerified();
        user.request().body(Map.of("email", "x." + user.email(), "password", "wrong-password")).put("/users/me/email")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
        user.request().body(Map.of("email", other.email(), "password", user.password())).put("/users/me/email")
                .then().statusCode(409).body("errors[0].field", equalTo("email"));
        user.request().body(Map.of("code", "123456")).post("/users/me/email/confirm").then().statusCode(400)
                .body("detail", containsString("No change"));
        anonymous().body(Map.of("code", "123456")).post("/users/me/email/confirm").then().statusCode(401);

        String fresh = "spent." + user.email();
        user.request().body(Map.of("email", fresh, "password", user.password())).put("/users/me/email").then()
                .statusCode(202);
        String code = Mailbox.code(Mailbox.await(fresh, 1));
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < MailedCode.MAX_ATTEMPTS; i++) {
            user.request().body(Map.of("code", wrong)).post("/users/me/email/confirm").then().statusCode(400);
        }
        user.request().body(Map.of("code", code)).post("/users/me/email/confirm").then().statusCode(400)
                .body("detail", containsString("Too many"));
        assertThat(queryValue("select email from users where id = ?", user.id())).isEqualTo(user.email());
    }
}
