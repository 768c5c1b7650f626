package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static app.shutter.support.TestUsers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** bcrypt reads at most 72 bytes: passwords are used whole or refused, never cut. */
@QuarkusTest
class PasswordEdgeCasesTest extends ApiTest {

    private static String register(String password) {
        String username = TestUsers.uniqueName("pw");
        anonymous().body(Map.of("username", username, "email", username + "@example.com", "password", password))
                .post("/auth/register").then().statusCode(201);
        return username;
    }

    private static int login(String username, String password) {
        return anonymous().body(Map.of("login", username, "password", password)).post("/auth/login").statusCode();
    }

    @Test
    void a_64_character_password_works() {
        String password = "correct-horse-battery-staple-".repeat(3).substring(0, 64);
        String username = register(password);
        assertThat(login(username, password)).isEqualTo(200);
        assertThat(login(username, password.substring(0, 63))).isEqualTo(401);
    }

    @Test
    void a_non_ascii_password_works_in_whichever_unicode_form_it_is_typed() {
        String password = "pässwörd-日本語-Ünïcødé-🔒";
        String username = register(password);
        assertThat(login(username, password)).isEqualTo(200);
        // the same letters decomposed (a + combining diaeresis), as some keyboards send them: one password (NFKC)
        assertThat(login(username, password.replace("ä", "a\u0308"))).isEqualTo(200);
        assertThat(login(username, password.replace("ä", "a"))).isEqualTo(401);
    }

    @Test
    void a_password_short_as_typed_but_past_72_bytes_once_normalised_is_refused() {
        // 4 characters, 12 bytes as sent; each becomes 33 bytes in NFKC, the form bcrypt hashes
        String password = "\uFDFA".repeat(4);
        String username = TestUsers.uniqueName("pw");
        anonymous().body(Map.of("username", username, "email", username + "@example.com", "password", password))
                .post("/auth/register").then().statusCode(400).body("errors[0].field", equalTo("password"));
    }

    @Test
    void a_password_of_exactly_72_bytes_counts_to_its_last_byte() {
        String password = "k7-" + "é".repeat(34) + "z";
        assertThat(password.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        String username = register(password);
        assertThat(login(username, password)).isEqualTo(200);
        assertThat(login(username, password.substring(0, password.length() - 1) + "y")).isEqualTo(401);
    }

    @Test
    void a_password_longer_than_72_bytes_is_refused_at_registration_and_change_not_truncated() {
        String longer = "k7-" + "é".repeat(34) + "zz";
        String username = TestUsers.uniqueName("pw");
        anonymous().body(Map.of("username", username, "email", username + "@example.com", "password", longer))
                .post("/auth/register").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("password")).body("errors[0].message", containsString("72"));
        TestUsers.TestUser user = TestUsers.create();
        user.request().body(Map.of("currentPassword", user.password(), "newPassword", longer))
                .put("/users/me/password").then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        assertThat(login(user.username(), user.password())).isEqualTo(200);
    }

    @Test
    void common_passwords_are_refused_whatever_their_case() {
        for (String common : new String[] {"password1", "Password123", "QWERTY123", "iloveyou1"}) {
            String username = TestUsers.uniqueName("pw");
            anonymous().body(Map.of("username", username, "email", username + "@example.com", "password", common))
                    .post("/auth/register").then().statusCode(400).body("errors[0].field", equalTo("password"));
        }
    }
}
