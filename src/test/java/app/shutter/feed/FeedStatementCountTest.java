package app.shutter.feed;

import app.shutter.support.ApiTest;
import app.shutter.support.Statements;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A page of posts in the full shape costs the same few statements whatever its size (no N+1). */
@QuarkusTest
class FeedStatementCountTest extends ApiTest {

    private long statementsFor(TestUser user, String path, int expectedItems) {
        user.request().get(path).then().statusCode(200); // warm-up: token parsing, caches
        return Statements.during(() -> user.request().get(path).then().statusCode(200)
                .body("items.size()", equalTo(expectedItems)));
    }

    @Test
    void a_feed_page_of_twenty_posts_by_twenty_authors_takes_at_most_four_statements() {
        TestUser reader = TestUsers.create();
        for (int i = 0; i < 20; i++) {
            TestUser author = TestUsers.create();
            TestPosts.follow(reader, author);
            long post = TestPosts.publishId(author);
            author.request().post("/posts/" + post + "/like").then().statusCode(200);
            reader.request().post("/posts/" + post + "/save").then().statusCode(204);
        }
        long onePost = statementsFor(reader, "/feed?limit=1", 1);
        long twentyPosts = statementsFor(reader, "/feed?limit=20", 20);
        // the posts with authors, counters and flags, then all their media: 2 (the bound leaves room)
        assertThat(twentyPosts).as("statistics are counting").isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(4);
        assertThat(onePost).isLessThanOrEqualTo(4);
    }
}
