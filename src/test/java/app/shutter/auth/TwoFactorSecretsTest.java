package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static app.shutter.auth.TwoFactorTest.code;
import static app.shutter.auth.TwoFactorTest.enable;
import static app.shutter.auth.TwoFactorTest.login;
import static app.shutter.auth.TwoFactorTest.secondFactor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** TOTP secrets at rest: encrypted, bound to their account, and those stored in clear before encrypted at start. */
@QuarkusTest
class TwoFactorSecretsTest extends ApiTest {

    @Inject
    TwoFactorSecrets secrets;

    private String stored(TestUser user) {
        return (String) queryValue("select secret from two_factor where user_id = ?", user.id());
    }

    private void logsInWith(TestUser user, String code) {
        secondFactor(login(user).extract().path("challenge"), "code", code).statusCode(200)
                .body("user.id", equalTo((int) user.id()));
    }

    @Test
    void the_stored_secret_is_encrypted_and_a_code_from_the_app_still_logs_in() throws Exception {
        TestUser user = TestUsers.create();
        String secret = enable(user).getString("secret");
        String stored = stored(user);
        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.toLowerCase());
        logsInWith(user, code(secret, 1));
        // a fresh nonce each time: two rows with the same secret do not look the same
        assertThat(secrets.seal(user.id(), secret)).isNotEqualTo(secrets.seal(user.id(), secret));
    }

    @Test
    void a_secret_copied_into_another_accounts_row_opens_for_nobody_and_recovery_codes_still_work() throws Exception {
        TestUser owner = TestUsers.create();
        TestUser other = TestUsers.create();
        String secret = enable(owner).getString("secret");
        JsonPath others = enable(other);
        execute("update two_factor set secret = (select secret from two_factor where user_id = ?) where user_id = ?",
                owner.id(), other.id());
        // bound to the owner: neither the owner's codes nor the other's own open the copied row
        secondFactor(login(other).extract().path("challenge"), "code", code(secret, 1)).statusCode(401);
        secondFactor(login(other).extract().path("challenge"), "code", code(others.getString("secret"), 1))
                .statusCode(401).contentType("application/problem+json");
        secondFactor(login(other).extract().path("challenge"), "recoveryCode",
                others.getList("recoveryCodes", String.class).get(0)).statusCode(200);
        logsInWith(owner, code(secret, 1));
    }

    @Test
    void a_secret_stored_in_clear_before_encryption_keeps_working_and_is_encrypted_at_start() throws Exception {
        TestUser user = TestUsers.create();
        String secret = enable(user).getString("secret");
        execute("update two_factor set secret = ? where user_id = ?", secret, user.id()); // as before V30
        logsInWith(user, code(secret, 1));

        assertThat(secrets.sealAgain()).isGreaterThanOrEqualTo(1);
        assertThat(stored(user)).startsWith("v1:").doesNotContain(secret);
        assertThat(queryValue("select count(*) from two_factor where secret not like 'v1:%'")).isEqualTo(0L);
        // the same code again, once the record of its step is gone (codes work once): the sealed row opens
        execute("update two_factor set last_step = null where user_id = ?", user.id());
        logsInWith(user, code(secret, 1));
    }
}
