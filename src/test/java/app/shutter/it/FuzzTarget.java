package app.shutter.it;

import app.shutter.common.devenv.ThrowawayJwtKeys;
import app.shutter.support.TestPosts;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.restassured.RestAssured;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application with a small world to aim at (ana, who sends every request, and bob with a post,
 * a comment and a story), and a fingerprint of every row to prove that a refused request wrote nothing.
 */
final class FuzzTarget implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final SharedDatabase database;
    private final ShutterInstance server;
    private final TestUser ana;
    private final Map<String, String> valid;
    private final String snapshotQuery;

    private FuzzTarget(SharedDatabase database, ShutterInstance server, TestUser ana, Map<String, String> valid,
                       String snapshotQuery) {
        this.database = database;
        this.server = server;
        this.ana = ana;
        this.valid = valid;
        this.snapshotQuery = snapshotQuery;
    }

    static FuzzTarget start() throws Exception {
        SharedDatabase database = SharedDatabase.start();
        ThrowawayJwtKeys keys = ThrowawayJwtKeys.loadOrCreate(Files.createTempDirectory("shutter-keys"));
        // no background job may change rows while fingerprints are compared
        ShutterInstance server = ShutterInstance.start("fuzz", database.connection(), keys,
                Files.createTempDirectory("shutter-images"), Map.of("SHUTTER_EXPLORE_SCHEDULED", "false",
                        "SHUTTER_AUTH_RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS", "100000"));
        RestAssured.port = server.port();
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestPosts.mutual(ana, bob); // so that chat frames from ana to bob can be accepted
        long post = TestPosts.publishId(bob);
        long comment = TestPosts.comment(bob, post, "hello", null);
        long story = TestStories.postId(bob);
        // a report of bob's post, so that the report and moderation paths name real objects (ana has no role:
        // /admin answers 403 to every body)
        long report = ana.request().body(Map.of("kind", "post", "targetId", post, "reason", "spam")).post("/reports")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, String> valid = Map.ofEntries(Map.entry("/posts/{id}", "/posts/" + post),
                Map.entry("/comments/{id}", "/comments/" + comment), Map.entry("/stories/{id}", "/stories/" + story),
                Map.entry("/notifications/{id}", "/notifications/1"), Map.entry("/reports/{id}", "/reports/" + report),
                Map.entry("{caseId}", "1"), Map.entry("{postId}", String.valueOf(post)),
                Map.entry("{userId}", String.valueOf(bob.id())), Map.entry("{username}", bob.username()),
                Map.entry("{requesterUsername}", bob.username()), Map.entry("{tag}", "fuzz"));
        return new FuzzTarget(database, server, ana, valid, snapshotQuery(database));
    }

    /** The chat socket's URL (http://, as ChatClient takes it) and the token of ana, who sends everything. */
    URI chat() {
        return server.url("/chat");
    }

    String token() {
        return ana.accessToken();
    }

    long anaId() {
        return ana.id();
    }

    /** bob, whom ana follows and who follows ana. */
    long bobId() {
        return Long.parseLong(valid.get("{userId}"));
    }

    /** bob's live story. */
    long storyId() {
        return Long.parseLong(valid.get("/stories/{id}").substring("/stories/".length()));
    }

    /** The first column of the first row of a query, as a number. */
    long count(String sql) throws Exception {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The path with every parameter filled with a real object's id or name. */
    String concrete(String path) {
        String result = path;
        for (Map.Entry<String, String> entry : valid.entrySet()) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        return result;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + ana.accessToken());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A hash of every row of every table. */
    String snapshot() throws Exception {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(snapshotQuery)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String snapshotQuery(SharedDatabase database) throws Exception {
        List<String> parts = new ArrayList<>();
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                     + " and tablename <> 'flyway_schema_history' order by tablename")) {
            while (tables.next()) {
                String table = tables.getString(1);
                if (table.equals("rate_limit_counters")) {
                    // a refused wrong password or code counts as an attempt, by design, in its own transaction
                    // (CredentialsTest, LoginLimitsTest): these rows are meant to change on a refusal
                    continue;
                }
                // the mail sender updates outbox rows in the background (attempts, status): only which rows
                // exist counts there, so a refused request that queued a mail is still caught
                String row = table.equals("mail_outbox") ? "x.id::text" : "x::text";
                parts.add("(select md5(coalesce(string_agg(" + row + ", '|' order by " + row + "), '')) from "
                        + table + " x)");
            }
        }
        return "select md5(" + String.join(" || ", parts) + ")";
    }

    @Override
    public void close() throws Exception {
        server.close();
        database.close();
    }
}
