package app.shutter.user;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MyAccountTest extends ApiTest {

    @Test
    void me_returns_the_profile_with_email_and_phone() {
        TestUser user = TestUsers.create();
        user.request().get("/users/me").then().statusCode(200)
                .body("id", equalTo((int) user.id()))
                .body("username", equalTo(user.username()))
                .body("email", equalTo(user.email()))
                .body("$", hasKey("phone"))
                .body("phone", nullValue())
                .body("avatarUrl", nullValue())
                .body("postsCount", equalTo(0));
    }

    @Test
    void patch_changes_only_the_fields_sent() {
        TestUser user = TestUsers.create();
        user.request().body(Map.of("name", "Jane", "bio", "Film photographer", "website", "https://jane.example.com",
                "isPrivate", true)).patch("/users/me").then().statusCode(200)
                .body("name", equalTo("Jane")).body("bio", equalTo("Film photographer"))
                .body("isPrivate", equalTo(true));
        user.request().body(Map.of("bio", "Digital now")).patch("/users/me").then().statusCode(200)
                .body("name", equalTo("Jane")).body("bio", equalTo("Digital now"))
                .body("website", equalTo("https://jane.example.com")).body("isPrivate", equalTo(true));
        user.request().get("/users/me").then().body("bio", equalTo("Digital now"));
    }

    @Test
    void patch_with_null_clears_an_optional_field() {
        TestUser user = TestUsers.create();
        user.request().body(Map.of("bio", "Temporary")).patch("/users/me").then().statusCode(200);
        Map<String, Object> clear = new HashMap<>();
        clear.put("bio", null);
        user.request().body(clear).patch("/users/me").then().statusCode(200).body("bio", nullValue());
        Map<String, Object> privacy = new HashMap<>();
        privacy.put("isPrivate", null);
        user.request().body(privacy).patch("/users/me").then().statusCode(400)
                .body("errors[0].field", equalTo("isPrivate"));
    }

    @Test
    void patch_refuses_protected_fields() {
        TestUser user = TestUsers.create();
        for (String field : new String[] {"id", "username", "email", "password", "passwordHash", "followersCount"}) {
            user.request().body(Map.of(field, "1")).patch("/users/me").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(field));
        }
        user.request().get("/users/me").then().body("username", equalTo(user.username()));
    }

    @Test
    void patch_validates_lengths_and_formats() {
        TestUser user = TestUsers.create();
        user.request().body(Map.of("bio", "x".repeat(151))).patch("/users/me").then().statusCode(400)
                .body("errors[0].field", equalTo("bio"));
        user.request().body(Map.of("website", "javascript:alert(1)")).patch("/users/me").then().statusCode(400)
                .body("errors[0].field", equalTo("website"));
        user.request().body(Map.of("isPrivate", "maybe")).patch("/users/me").then().statusCode(400)
                .body("errors[0].field", equalTo("isPrivate"));
    }

    @Test
    void changing_the_username_frees_the_old_one() {
        TestUser user = TestUsers.create();
        String newName = TestUsers.uniqueName("renamed");
        user.request().body(Map.of("username", newName.toUpperCase())).put("/users/me/username").then()
                .statusCode(200).body("username", equalTo(newName));
        user.request().get("/users/" + newName).then().statusCode(200);
        user.request().get("/users/" + user.username()).then().statusCode(404);
        TestUsers.create(user.username());
    }

    @Test
    void a_new_username_follows_the_registration_rules() {
        TestUser user = TestUsers.create();
        TestUser other = TestUsers.create();
        user.request().body(Map.of("username", other.username())).put("/users/me/username").then()
                .statusCode(409).body("errors[0].field", equalTo("username"));
        user.request().body(Map.of("username", "explore")).put("/users/me/username").then()
                .statusCode(400).body("errors[0].message", equalTo("is reserved"));
        user.request().body(Map.of("username", "x")).put("/users/me/username").then()
                .statusCode(400).body("errors[0].field", equalTo("username"));
    }

    @Test
    void changing_the_email_needs_the_password_and_a_free_address() {
        TestUser user = TestUsers.create();
        TestUser other = TestUsers.createVerified();
        user.request().body(Map.of("email", "new@example.org", "password", "wrong-password"))
                .put("/users/me/email").then().statusCode(400).body("errors[0].field", equalTo("password"));
        user.request().body(Map.of("email", other.email(), "password", user.password()))
                .put("/users/me/email").then().statusCode(409).body("errors[0].field", equalTo("email"));
        user.request().body(Map.of("email", "new." + user.username() + "@example.org", "password", user.password()))
                .put("/users/me/email").then().statusCode(202) // confirmed by a mailed code (auth/EmailChangeTest)
                .body("pendingEmail", equalTo("new." + user.username() + "@example.org"));
    }
}
