package app.shutter.bench;

import app.shutter.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The benchmark data set at its small size: it loads, keeps the invariants, and the API serves it. */
@QuarkusTest
class DataSetSmokeTest extends ApiTest {

    @Test
    void the_small_data_set_loads_consistently_and_its_users_can_read_their_feed() throws Exception {
        List<String> steps = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DataSet.generate(connection, DataSet.Size.SMALL, (step, millis) -> steps.add(step));
        }
        assertThat(steps).contains("users", "follows (power law)", "likes", "comments", "analyze");
        assertThat(queryValue("select count(*) from users")).isEqualTo(300L);
        assertThat(queryValue("select count(*) from posts")).isEqualTo(3_000L);
        assertThat((Long) queryValue("select count(*) from post_likes")).isGreaterThan(10_000L);
        assertThat(queryValue("select count(*) from posts p where like_count <>"
                + " (select count(*) from post_likes l where l.post_id = p.id)")).isEqualTo(0L);
        assertThat(queryValue("select count(*) from posts p where comment_count <>"
                + " (select count(*) from comments c where c.post_id = p.id)")).isEqualTo(0L);
        assertThat(queryValue("select count(*) from users u where followers_count <>"
                + " (select count(*) from follows f where f.followee_id = u.id and f.status = 'accepted')"))
                .isEqualTo(0L);
        assertThat((Long) queryValue("select count(*) from follows where status = 'pending'")).isPositive();
        assertThat((Long) queryValue("""
                select count(*) from follows a join follows b
                on b.follower_id = a.followee_id and b.followee_id = a.follower_id
                where a.status = 'accepted' and b.status = 'accepted'""")).isGreaterThanOrEqualTo(300L);

        String token = given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.250.0.1")
                .body(Map.of("login", "bench2", "password", DataSet.PASSWORD)).post("/auth/login").then()
                .statusCode(200).extract().path("accessToken");
        given().auth().oauth2(token).get("/feed").then().statusCode(200).body("items.size()", equalTo(20))
                .body("nextCursor", notNullValue());
        given().auth().oauth2(token).get("/tags/bench7/posts").then().statusCode(200);
    }
}
