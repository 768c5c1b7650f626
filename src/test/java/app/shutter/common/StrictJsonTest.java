package app.shutter.common;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Bodies that a lenient reader would half-understand are refused whole, and nothing changes. */
@QuarkusTest
class StrictJsonTest extends ApiTest {

    @Test
    void trailing_content_a_second_object_or_a_number_for_text_is_a_400_and_nothing_changes() {
        TestUser user = TestUsers.create();
        for (String body : List.of("{\"name\":\"a\"} xyz", "{\"name\":\"a\"}{\"name\":\"b\"}", "{\"name\":12}",
                "{\"name\":true}", "{\"name\":\"a\"},")) {
            user.request().body(body).patch("/users/me").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        long post = TestPosts.publishId(user);
        user.request().body("{\"text\":\"re\",\"parentId\":\"1\"}").post("/posts/" + post + "/comments").then()
                .statusCode(400).body("errors[0].field", equalTo("parentId"));
        assertThat(queryValue("select name from users where id = ?", user.id())).isNull();
        assertThat(queryValue("select count(*) from comments where post_id = ?", post)).isEqualTo(0L);
    }

    @Test
    void a_lone_surrogate_or_overlong_utf8_is_a_400_while_real_pairs_are_kept() {
        TestUser user = TestUsers.create();
        user.request().body("{\"name\":\"\\ud800x\"}").patch("/users/me").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        user.request().body("{\"name\":\"x\\udc00\"}").patch("/users/me").then().statusCode(400);
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes("{\"name\":\"a".getBytes(StandardCharsets.US_ASCII));
        overlong.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
        overlong.writeBytes("b\"}".getBytes(StandardCharsets.US_ASCII));
        user.request().body(overlong.toByteArray()).patch("/users/me").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(queryValue("select name from users where id = ?", user.id())).isNull();
        user.request().body("{\"name\":\"Ana \\ud83d\\ude00 é\"}").patch("/users/me").then().statusCode(200)
                .body("name", equalTo("Ana \uD83D\uDE00 é"));
    }
}
