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
    void the_exact_username_comes_first_then_accounts_in_the_order_of_their_matching_words() {
        TestUser searcher = TestUsers.create();
        TestUser byName = TestUsers.create("zed_" + System.nanoTime() % 100000);
        byName.request().body(Map.of("name", "Marco Polo")).patch("/users/me").then().statusCode(200);
        TestUser bySecondWord = TestUsers.create("yan_" + System.nanoTime() % 100000);
        bySecondWord.request().body(Map.of("name", "Anna Marco")).patch("/users/me").then().statusCode(200);
        TestUser byUsername = TestUsers.create("marco_polo_fan");
        TestUser exact = TestUsers.create("marco");
        searcher.request().queryParam("q", "Marco").get("/users").then().statusCode(200)
                .body("items.username", equalTo(List.of(exact.username(), bySecondWord.username(),
                        byName.username(), byUsername.username())))
                .body("items[0].followedByMe", equalTo(false))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        searcher.request().queryParam("q", "polo").get("/users").then().statusCode(200)
                .body("items.username", equalTo(List.of(byName.username(), byUsername.username())));
    }

    @Test
    void an_account_whose_words_match_twice_is_listed_once_and_renaming_refiles_it() {
        TestUser searcher = TestUsers.create();
        TestUser twice = TestUsers.create("gannet_gannet");
        twice.request().body(Map.of("name", "Gannet Gannetson")).patch("/users/me").then().statusCode(200);
        searcher.request().queryParam("q", "gannet").queryParam("limit", 1).get("/users").then().statusCode(200)
                .body("items.username", equalTo(List.of(twice.username())))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        twice.request().body(Map.of("name", "Heron")).patch("/users/me").then().statusCode(200);
        searcher.request().queryParam("q", "gannetson").get("/users").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        searcher.request().queryParam("q", "heron").get("/users").then().statusCode(200)
                .body("items.username", equalTo(List.of(twice.username())));
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
    void a_nul_or_another_control_character_in_q_is_a_400_not_every_account() {
        TestUser searcher = TestUsers.create();
        for (String q : List.of("\u0000", "a\u0000", "\u0007", "x\ny")) {
            searcher.request().queryParam("q", q).get("/users").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        }
    }

    @Test
    void search_pages_by_cursor_from_the_exact_username_into_the_other_matches() {
        TestUser searcher = TestUsers.create();
        for (int i = 0; i < 5; i++) {
            TestUsers.create("kiwi_" + i);
        }
        TestUsers.create("kiwi");
        var first = searcher.request().queryParam("q", "kiwi").queryParam("limit", 3).get("/users").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.username")).containsExactly("kiwi", "kiwi_0", "kiwi_1");
        searcher.request().queryParam("q", "kiwi").queryParam("limit", 3)
                .queryParam("cursor", first.getString("nextCursor")).get("/users").then()
                .body("items.username", equalTo(List.of("kiwi_2", "kiwi_3", "kiwi_4")))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        var exactOnly = searcher.request().queryParam("q", "kiwi").queryParam("limit", 1).get("/users").then()
                .statusCode(200).extract().jsonPath();
        searcher.request().queryParam("q", "kiwi").queryParam("limit", 1)
                .queryParam("cursor", exactOnly.getString("nextCursor")).get("/users").then()
                .body("items.username", equalTo(List.of("kiwi_0")));
        searcher.request().queryParam("q", "kiwi").queryParam("cursor", "bm90IGEgY3Vyc29y").get("/users").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void paging_past_accounts_listed_already_lists_every_account_once() {
        TestUser searcher = TestUsers.create();
        // 300 accounts with two matching terms each ("dupa n", "dupb n"): after the first 300 entries come
        // 300 that only repeat accounts listed already, more than one page may read
        execute("""
                insert into users (username, email, password_hash, name)
                select 'dupa_' || n, 'dupa' || n || '@example.com', 'x', 'Dupb ' || n
                from generate_series(1, 300) n""");
        java.util.List<String> listed = new java.util.ArrayList<>();
        String cursor = null;
        for (int request = 0; request < 30; request++) {
            var page = searcher.request().queryParam("q", "dup").queryParam("limit", 50)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/users").then().statusCode(200)
                    .extract().jsonPath();
            listed.addAll(page.getList("items.username"));
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertThat(cursor).as("the list ends").isNull();
        assertThat(listed).hasSize(300).doesNotHaveDuplicates().allMatch(name -> name.startsWith("dupa_"));
    }

    @Test
    void a_page_is_one_range_of_the_terms_index_however_many_accounts_match() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                // 20 000 accounts that all match the query, rolled back afterwards; ListWorkTest measures the work
                statement.execute("""
                        insert into users (username, email, password_hash, name)
                        select 'bulk' || n, 'bulk' || n || '@example.com', 'x', 'Person ' || md5(n::text)
                        from generate_series(1, 20000) n""");
                statement.execute("analyze users, user_search_terms");
                StringBuilder plan = new StringBuilder();
                String sql = UserSearch.SQL.formatted(GraphItems.UserItem.COLUMNS, Relationships.NOT_BLOCKED_SQL,
                                UserSearch.RANGE.formatted(""), UserSearch.SCAN_BUDGET)
                        .replace(":viewer", "1").replace(":q", "'bulk'").replace(":firstPage", "true")
                        .replace(":limit", "21");
                try (ResultSet rs = statement.executeQuery("explain (analyze, costs off, timing off) " + sql)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                // (a tiny table such as follows may get a sequential scan in a branch that is never executed)
                assertThat(plan.toString()).contains("Index Only Scan using user_search_terms_pkey")
                        .doesNotContain("Seq Scan on users").doesNotContain("Seq Scan on user_search_terms")
                        .doesNotContain("rows=20000");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
