package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static app.shutter.support.TestUsers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Two-factor login: enrolment, logins with a code and with recovery codes, replays refused, turning it off. */
@QuarkusTest
class TwoFactorTest extends ApiTest {

    /** The code an authenticator app shows for this secret, {@code ahead} steps of 30 s from now. */
    static String code(String secret, int ahead) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6)
                .generate(secret, System.currentTimeMillis() / 1000 / 30 + ahead);
    }

    static ValidatableResponse login(TestUser user) {
        return anonymous().body(Map.of("login", user.username(), "password", user.password())).post("/auth/login")
                .then().statusCode(200);
    }

    static ValidatableResponse secondFactor(String challenge, String field, String value) {
        return anonymous().body(Map.of("challenge", challenge, field, value)).post("/auth/login/2fa").then();
    }

    /** Enrols the user and turns it on; the secret and the recovery codes. */
    static JsonPath enable(TestUser user) throws Exception {
        JsonPath enrolment = user.request().body(Map.of("password", user.password())).post("/users/me/two-factor")
                .then().statusCode(200).extract().jsonPath();
        List<String> codes = user.request().body(Map.of("code", code(enrolment.getString("secret"), 0)))
                .post("/users/me/two-factor/confirm").then().statusCode(200).extract().jsonPath()
                .getList("recoveryCodes");
        return new JsonPath("{\"secret\": \"" + enrolment.getString("secret") + "\", \"recoveryCodes\": [\""
                + String.join("\", \"", codes) + "\"]}");
    }

    @Test
    void enrolment_gives_a_secret_an_otpauth_uri_and_a_qr_code_and_a_code_turns_it_on() throws Exception {
        TestUser user = TestUsers.create();
        user.request().body(Map.of("password", "wrong")).post("/users/me/two-factor").then().statusCode(400);
        JsonPath enrolment = user.request().body(Map.of("password", user.password())).post("/users/me/two-factor")
                .then().statusCode(200).extract().jsonPath();
        String secret = enrolment.getString("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(enrolment.getString("otpauthUri")).startsWith("otpauth://totp/")
                .contains("secret=" + secret).contains("issuer=Shutter").contains(user.username());
        String png = enrolment.getString("qrCode");
        assertThat(png).startsWith("data:image/png;base64,");
        BufferedImage qr = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.substring(22))));
        assertThat(qr.getWidth()).isGreaterThanOrEqualTo(200);
        assertThat(qr.getRGB(0, 0) & 0xFFFFFF).as("a quiet zone around the code").isEqualTo(0xFFFFFF);

        login(user).body("accessToken", notNullValue()); // not on until confirmed
        String wrong = code(secret, 0).equals("000000") ? "111111" : "000000";
        user.request().body(Map.of("code", wrong)).post("/users/me/two-factor/confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        List<String> recovery = user.request().body(Map.of("code", code(secret, 0))).post("/users/me/two-factor/confirm")
                .then().statusCode(200).extract().jsonPath().getList("recoveryCodes");
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        user.request().get("/users/me/two-factor").then().body("enabled", equalTo(true))
                .body("recoveryCodesLeft", equalTo(10));
        user.request().body(Map.of("password", user.password())).post("/users/me/two-factor").then().statusCode(409);
        assertThat(queryValue("select count(*) from recovery_codes where user_id = ? and code_hash = ?", user.id(),
                recovery.get(0))).as("stored hashed").isEqualTo(0L);
    }

    @Test
    void a_login_needs_a_code_that_works_once() throws Exception {
        TestUser user = TestUsers.create();
        String secret = enable(user).getString("secret");
        String challenge = login(user).body("twoFactorRequired", equalTo(true)).body("accessToken", nullValue())
                .body("expiresIn", equalTo(300)).extract().path("challenge");
        String next = code(secret, 1); // the step after the one the enrolment used
        secondFactor(challenge, "code", next.equals("000000") ? "111111" : "000000").statusCode(401)
                .body("detail", containsString("not right"));
        String access = secondFactor(challenge, "code", next).statusCode(200).body("user.id", equalTo((int) user.id()))
                .extract().path("accessToken");
        anonymous().auth().oauth2(access).get("/users/me").then().statusCode(200);
        secondFactor(challenge, "code", next).statusCode(401).body("detail", containsString("log in again"));

        String another = login(user).extract().path("challenge");
        secondFactor(another, "code", next).statusCode(401).body("detail", containsString("not right")); // a replay
        anonymous().body(Map.of("challenge", another)).post("/auth/login/2fa").then().statusCode(400);
        anonymous().body(Map.of("challenge", another, "code", next, "recoveryCode", "x")).post("/auth/login/2fa")
                .then().statusCode(400);
        secondFactor("no-such-challenge", "code", next).statusCode(401);
    }

    @Test
    void a_recovery_code_logs_in_once_and_wrong_codes_run_out() throws Exception {
        TestUser user = TestUsers.create();
        List<String> recovery = enable(user).getList("recoveryCodes");
        String challenge = login(user).extract().path("challenge");
        secondFactor(challenge, "recoveryCode", recovery.get(3).toUpperCase()).statusCode(200)
                .body("accessToken", notNullValue());
        secondFactor(login(user).extract().path("challenge"), "recoveryCode", recovery.get(3)).statusCode(401)
                .body("detail", containsString("used already"));
        user.request().get("/users/me/two-factor").then().body("recoveryCodesLeft", equalTo(9));

        String spent = login(user).extract().path("challenge");
        for (int i = 1; i < 5; i++) {
            secondFactor(spent, "recoveryCode", "wrong-" + i).statusCode(401);
        }
        secondFactor(spent, "recoveryCode", recovery.get(4)).statusCode(429); // the account's limit: 5 per 15 min
    }

    @Test
    void turning_it_off_needs_the_password_and_a_code() throws Exception {
        TestUser user = TestUsers.create();
        JsonPath enabled = enable(user);
        String recovery = enabled.getList("recoveryCodes", String.class).get(0);
        user.request().body(Map.of("password", "wrong", "recoveryCode", recovery)).delete("/users/me/two-factor")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
        user.request().body(Map.of("password", user.password())).delete("/users/me/two-factor").then().statusCode(400);
        user.request().body(Map.of("password", user.password(), "code", code(enabled.getString("secret"), 1)))
                .delete("/users/me/two-factor").then().statusCode(204);
        login(user).body("accessToken", notNullValue()).body("twoFactorRequired", nullValue());
        user.request().get("/users/me/two-factor").then().body("enabled", equalTo(false))
                .body("recoveryCodesLeft", equalTo(0));
        TestUsers.anonymous().get("/users/me/two-factor").then().statusCode(401);
    }
}
