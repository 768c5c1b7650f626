package app.shutter.post;

import app.shutter.support.ApiTest;
import app.shutter.support.MediaFolder;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TagsAndMentionsTest extends ApiTest {

    @Test
    void hashtags_are_case_insensitive_and_list_posts_newest_first() {
        TestUser author = TestUsers.create();
        TestUser reader = TestUsers.create();
        long older = TestPosts.publish(author, "Sunset at the beach #Sunset #été").extract().jsonPath().getLong("id");
        long newer = TestPosts.publish(author, "again #SUNSET, and not a#tag or &#39;").extract().jsonPath()
                .getLong("id");
        TestPosts.publishId(author);

        reader.request().get("/tags/sunset/posts").then().statusCode(200)
                .body("items.id", contains((int) newer, (int) older));
        reader.request().get("/tags/{tag}/posts", "#SunSet").then().body("items.id", contains((int) newer, (int) older));
        reader.request().get("/tags/ÉTÉ/posts").then().body("items.id", contains((int) older));
        reader.request().get("/tags/tag/posts").then().body("items.size()", equalTo(0));
        reader.request().get("/tags/sunset/posts?limit=1").then().body("items.id", contains((int) newer))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        reader.request().get("/tags/not-a-tag/posts").then().statusCode(400).body("errors[0].field", equalTo("tag"));
    }

    @Test
    void editing_the_caption_re_parses_tags_and_mentions() {
        TestUser author = TestUsers.create();
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        long post = TestPosts.publish(author, "#old with @" + ana.username() + " and @nobody_here_at_all")
                .extract().jsonPath().getLong("id");
        assertThat(mentioned(post)).isEqualTo(String.valueOf(ana.id()));

        author.request().body(Map.of("caption", "#new thanks @" + bob.username().toUpperCase() + "."))
                .patch("/posts/" + post).then().statusCode(200);
        author.request().get("/tags/old/posts").then().body("items.size()", equalTo(0));
        author.request().get("/tags/new/posts").then().body("items.id", contains((int) post));
        assertThat(mentioned(post)).isEqualTo(String.valueOf(bob.id()));
    }

    @Test
    void the_authors_own_comments_tag_the_post_and_others_do_not() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long post = TestPosts.publish(author, "no tags yet").extract().jsonPath().getLong("id");
        long own = TestPosts.comment(author, post, "#travel #Lisbon @" + fan.username(), null);
        TestPosts.comment(fan, post, "#spam", null);

        fan.request().get("/tags/lisbon/posts").then().body("items.id", contains((int) post));
        fan.request().get("/tags/spam/posts").then().body("items.size()", equalTo(0));
        assertThat(queryValue("select count(*) from comment_tags where tag = 'spam'")).isEqualTo(1L);
        assertThat(queryValue("select user_id from comment_mentions where comment_id = ?", own)).isEqualTo(fan.id());

        author.request().delete("/comments/" + own).then().statusCode(204);
        fan.request().get("/tags/lisbon/posts").then().body("items.size()", equalTo(0));
    }

    @Test
    void a_tag_lists_only_posts_the_caller_may_see() {
        TestUser open = TestUsers.create();
        TestUser closed = TestUsers.create();
        TestUser blocker = TestUsers.create();
        TestUser reader = TestUsers.create();
        TestPosts.makePrivate(closed);
        long visible = TestPosts.publish(open, "#cats").extract().jsonPath().getLong("id");
        long hidden = TestPosts.publish(closed, "#cats").extract().jsonPath().getLong("id");
        TestPosts.publish(blocker, "#cats");
        TestPosts.block(blocker, reader);

        reader.request().get("/tags/cats/posts").then().body("items.id", contains((int) visible));
        TestPosts.follow(reader, closed);
        closed.request().post("/follow-requests/" + reader.username() + "/accept").then().statusCode(204);
        reader.request().get("/tags/cats/posts").then().body("items.id", contains((int) hidden, (int) visible));
    }

    @Test
    void too_many_hashtags_are_refused_before_any_file_is_kept() {
        TestUser author = TestUsers.create();
        int filesBefore = MediaFolder.files().size();
        String caption = IntStream.range(0, 31).mapToObj(i -> "#t" + i).collect(Collectors.joining(" "));
        author.upload().multiPart("media", "p.jpg", app.shutter.support.MediaSamples.jpeg(8, 8), "image/jpeg")
                .multiPart("caption", caption).post("/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("caption"));
        assertThat(MediaFolder.files()).hasSize(filesBefore);
        assertThat(queryValue("select count(*) from posts where author_id = ?", author.id())).isEqualTo(0L);
    }

    @Test
    void deleting_a_post_removes_its_comments_tags_and_mentions() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long post = TestPosts.publish(author, "#gone @" + fan.username()).extract().jsonPath().getLong("id");
        long comment = TestPosts.comment(fan, post, "#bye @" + author.username(), null);
        author.request().delete("/posts/" + post).then().statusCode(204);
        fan.request().get("/comments/" + comment).then().statusCode(404);
        for (String table : new String[] {"comments", "post_tags", "post_mentions"}) {
            assertThat(queryValue("select count(*) from " + table + " where post_id = ?", post)).as(table)
                    .isEqualTo(0L);
        }
        assertThat(queryValue("select count(*) from comment_mentions where comment_id = ?", comment)).isEqualTo(0L);
    }

    private String mentioned(long post) {
        return (String) queryValue("select string_agg(user_id::text, ',' order by user_id) from post_mentions"
                + " where post_id = ?", post);
    }
}
