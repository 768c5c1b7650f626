package app.shutter.graph;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class UserSearchTest extends ApiTest {

    @Test
    void exact_username_comes_first_then_prefixes_then_names() {
        TestUser searcher = TestUsers.create();
        TestUser byName = TestUsers.create("zed_" + System.nanoTime() % 100000);
        byName.request().body(Map.of("name", "Marco Polo")).patch("/users/me").then().statusCode(200);
        TestUser prefix = TestUsers.create("marco_polo_fan");
        TestUser exact = TestUsers.create("marco");
        searcher.request().queryParam("q", "Marco").get("/users").then().statusCode(200)
                .body("items.username", equalTo(List.of(exact.username(), prefix.username(), byName.username())))
                .body("items[0].followedByMe", equalTo(false))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void names_match_ignoring_case_and_accents() {
        TestUser searcher = TestUsers.create();
        TestUser chloe = TestUsers.create();
        chloe.request().body(Map.of("name", "Chloé Öberg")).patch("/users/me").then().statusCode(200);
        searcher.request().queryParam("q", "chloe oberg").get("/users").then()
                .body("items.username", equalTo(List.of(chloe.username())));
        searcher.request().queryParam("q", "ÖBERG").get("/users").then()
                .body("items.username", equalTo(List.of(chloe.username())));
    }

    @Test
    void deleted_and_blocked_accounts_never_appear() {
        TestUser searcher = TestUsers.create();
        TestUser gone = TestUsers.create("quokka_gone");
        TestUser blocking = TestUsers.create("quokka_blocks");
        TestUser blockedByMe = TestUsers.create("quokka_blocked");
        TestUser visible = TestUsers.create("quokka_here");
        gone.request().body(Map.of("password", gone.password())).delete("/users/me").then().statusCode(204);
        blocking.request().post("/users/" + searcher.username() + "/block").then().statusCode(204);
        searcher.request().post("/users/" + blockedByMe.username() + "/block").then().statusCode(204);
        searcher.request().queryParam("q", "quokka").get("/users").then().statusCode(200)
                .body("items.username", equalTo(List.of(visible.username())));
    }

    @Test
    void wildcards_in_the_query_are_literal_and_q_is_required() {
        TestUser searcher = TestUsers.create();
        TestUsers.create("wombat1");
        searcher.request().queryParam("q", "w_mbat").get("/users").then().statusCode(200)
                .body("items.username", not(hasItem("wombat1")));
        searcher.request().queryParam("q", "%").get("/users").then().statusCode(200)
                .body("items.username", not(hasItem("wombat1")));
        searcher.request().get("/users").then().statusCode(400).body("errors[0].field", equalTo("q"));
    }

    @Test
    void search_pages_by_cursor() {
        TestUser searcher = TestUsers.create();
        for (int i = 0; i < 5; i++) {
            TestUsers.create("kiwi_" + i);
        }
        var first = searcher.request().queryParam("q", "kiwi_").queryParam("limit", 3).get("/users").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.username")).containsExactly("kiwi_0", "kiwi_1", "kiwi_2");
        searcher.request().queryParam("q", "kiwi_").queryParam("limit", 3)
                .queryParam("cursor", first.getString("nextCursor")).get("/users").then()
                .body("items.username", equalTo(List.of("kiwi_3", "kiwi_4")))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void the_search_query_is_served_by_its_indexes() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                // enough rows for the planner to prefer the indexes; rolled back afterwards
                statement.execute("""
                        insert into users (username, email, password_hash, name)
                        select 'bulk' || n, 'bulk' || n || '@example.com', 'x', 'Person ' || md5(n::text)
                        from generate_series(1, 20000) n""");
                statement.execute("analyze users");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = statement.executeQuery("""
                        explain select id from users u where u.deactivated_at is null
                        and (u.username like 'marco%' or shutter_fold(u.name) like '%marco%')""")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).contains("users_username_prefix").contains("users_name_trgm")
                        .doesNotContain("Seq Scan");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
