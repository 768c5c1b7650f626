package app.shutter.moderation;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured account (shutter.admin.username, first_admin in tests) is an admin. */
@QuarkusTest
class FirstAdminTest extends ApiTest {

    @Inject
    FirstAdmin firstAdmin;

    private static String groups(TestUser user) {
        return new String(Base64.getUrlDecoder().decode(user.accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void the_configured_account_is_an_admin_from_its_registration() {
        TestUser admin = TestUsers.create("first_admin");
        assertThat(groups(admin)).contains("\"admin\"").contains("\"moderator\"");
        admin.request().get("/admin/log").then().statusCode(200);
        assertThat(groups(TestUsers.create())).doesNotContain("moderator");
    }

    @Test
    void an_existing_account_named_at_startup_becomes_an_admin_and_logs_in_again() {
        TestUser user = TestUsers.create();
        firstAdmin.promote(user.username());
        user.request().get("/users/me").then().statusCode(401);
        TestUser admin = TestUsers.login(user);
        admin.request().get("/admin/log").then().statusCode(200);
        assertThat(queryValue("select role from users where id = ?", user.id())).isEqualTo("admin");
        firstAdmin.promote(user.username()); // already one: its sessions stay
        admin.request().get("/admin/log").then().statusCode(200);
    }
}
