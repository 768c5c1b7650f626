package app.shutter.notification;

import app.shutter.support.ApiTest;
import app.shutter.support.TestPosts;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class NotificationTest extends ApiTest {

    @Test
    void a_like_notifies_the_author_once_however_often_it_is_repeated() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long post = TestPosts.publishId(author);
        fan.request().post("/posts/" + post + "/like").then().statusCode(200);
        fan.request().post("/posts/" + post + "/like").then().statusCode(200);
        fan.request().delete("/posts/" + post + "/like").then().statusCode(200);
        fan.request().post("/posts/" + post + "/like").then().statusCode(200);

        author.request().get("/notifications").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].type", equalTo("like")).body("items[0].actor.username", equalTo(fan.username()))
                .body("items[0].post.id", equalTo((int) post))
                .body("items[0].post.thumbnailUrl", startsWith("/images/"))
                .body("items[0].comment", nullValue()).body("items[0].read", equalTo(false))
                .body("items[0].createdAt", endsWith("Z"));
        fan.request().get("/notifications").then().body("items.size()", equalTo(0));
    }

    @Test
    void unliking_takes_the_notification_back() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long post = TestPosts.publishId(author);
        fan.request().post("/posts/" + post + "/like").then().statusCode(200);
        fan.request().delete("/posts/" + post + "/like").then().statusCode(200);
        author.request().get("/notifications").then().body("items.size()", equalTo(0));
    }

    @Test
    void comments_replies_and_mentions_notify_each_person_once() {
        TestUser author = TestUsers.create();
        TestUser ana = TestUsers.create();
        TestUser bob = TestUsers.create();
        TestUser cid = TestUsers.create();
        long post = TestPosts.publishId(author);
        long top = TestPosts.comment(ana, post, "nice", null);
        long reply = TestPosts.comment(bob, post, "@" + ana.username() + " @" + cid.username() + " agreed", top);

        author.request().get("/notifications").then().body("items.type", contains("comment", "comment"))
                .body("items[0].comment.id", equalTo((int) reply)).body("items[1].comment.text", equalTo("nice"));
        ana.request().get("/notifications").then().body("items.type", contains("reply"))
                .body("items[0].actor.username", equalTo(bob.username()));
        cid.request().get("/notifications").then().body("items.type", contains("mention"))
                .body("items[0].comment.id", equalTo((int) reply)).body("items[0].post.id", equalTo((int) post));
        bob.request().get("/notifications").then().body("items.size()", equalTo(0));
    }

    @Test
    void a_caption_mention_notifies_only_those_who_may_see_the_post() {
        TestUser author = TestUsers.create();
        TestUser follower = TestUsers.create();
        TestUser stranger = TestUsers.create();
        TestPosts.follow(follower, author);
        TestPosts.makePrivate(author);
        long post = TestPosts.publish(author, "with @" + follower.username() + " and @" + stranger.username()
                + " and @" + author.username()).extract().jsonPath().getLong("id");

        follower.request().get("/notifications").then().body("items.type", contains("mention"))
                .body("items[0].post.id", equalTo((int) post));
        stranger.request().get("/notifications").then().body("items.size()", equalTo(0));
        author.request().get("/notifications").then().body("items.type", contains("follow"));

        author.request().body(Map.of("caption", "just me")).patch("/posts/" + post).then().statusCode(200);
        follower.request().get("/notifications").then().body("items.size()", equalTo(0));
    }

    @Test
    void follows_requests_and_acceptance_notify_and_undoing_takes_them_back() {
        TestUser open = TestUsers.create();
        TestUser closed = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestPosts.makePrivate(closed);

        TestPosts.follow(fan, open);
        fan.request().delete("/users/" + open.username() + "/follow").then().statusCode(204);
        open.request().get("/notifications").then().body("items.size()", equalTo(0));
        TestPosts.follow(fan, open);
        open.request().get("/notifications").then().body("items.type", contains("follow"));

        TestPosts.follow(fan, closed);
        closed.request().get("/notifications").then().body("items.type", contains("follow_request"));
        closed.request().post("/follow-requests/" + fan.username() + "/accept").then().statusCode(204);
        closed.request().get("/notifications").then().body("items.type", contains("follow"));
        fan.request().get("/notifications").then().body("items.type", contains("follow_accepted"))
                .body("items[0].actor.username", equalTo(closed.username()));

        fan.request().delete("/users/" + closed.username() + "/follow").then().statusCode(204);
        TestPosts.follow(fan, closed);
        closed.request().post("/follow-requests/" + fan.username() + "/decline").then().statusCode(204);
        closed.request().get("/notifications").then().body("items.size()", equalTo(0));
        fan.request().get("/notifications").then().body("items.size()", equalTo(0));
    }

    @Test
    void nothing_is_notified_for_own_actions_or_across_a_block() {
        TestUser author = TestUsers.create();
        TestUser blocked = TestUsers.create();
        long post = TestPosts.publishId(author);
        author.request().post("/posts/" + post + "/like").then().statusCode(200);
        TestPosts.comment(author, post, "my own @" + author.username(), null);
        TestPosts.comment(blocked, post, "before the block", null);
        TestPosts.block(author, blocked);
        TestPosts.publish(blocked, "hey @" + author.username());

        // the comment made before the block is hidden from then on
        author.request().get("/notifications").then().body("items.size()", equalTo(0));
        author.request().get("/notifications/unread-count").then().body("count", equalTo(0));
        assertThat(queryValue("select count(*) from notifications where recipient_id = ? and type = 'mention'",
                author.id())).isEqualTo(0L);
    }

    @Test
    void deleting_a_post_or_comment_removes_its_notifications() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        long post = TestPosts.publishId(author);
        long other = TestPosts.publishId(author);
        fan.request().post("/posts/" + post + "/like").then().statusCode(200);
        long comment = TestPosts.comment(fan, other, "hello", null);
        author.request().get("/notifications").then().body("items.type", containsInAnyOrder("like", "comment"));

        fan.request().delete("/comments/" + comment).then().statusCode(204);
        author.request().get("/notifications").then().body("items.type", contains("like"));
        author.request().delete("/posts/" + post).then().statusCode(204);
        author.request().get("/notifications").then().body("items.size()", equalTo(0));
        assertThat(queryValue("select count(*) from notifications where recipient_id = ?", author.id()))
                .isEqualTo(0L);
    }

    @Test
    void notifications_are_counted_read_one_by_one_or_all_and_private_to_their_recipient() {
        TestUser author = TestUsers.create();
        TestUser other = TestUsers.create();
        long post = TestPosts.publishId(author);
        for (int i = 0; i < 3; i++) {
            TestUsers.create().request().post("/posts/" + post + "/like").then().statusCode(200);
        }
        author.request().get("/notifications/unread-count").then().statusCode(200).body("count", equalTo(3));
        var page = author.request().get("/notifications?limit=2").then().body("items.size()", equalTo(2));
        long newest = page.extract().jsonPath().getLong("items[0].id");
        author.request().queryParam("cursor", page.extract().path("nextCursor").toString()).get("/notifications")
                .then().body("items.size()", equalTo(1)).body("nextCursor", nullValue());

        other.request().post("/notifications/" + newest + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        author.request().post("/notifications/" + newest + "/read").then().statusCode(204);
        author.request().post("/notifications/" + newest + "/read").then().statusCode(204);
        author.request().get("/notifications").then().body("items[0].read", equalTo(true));
        author.request().get("/notifications/unread-count").then().body("count", equalTo(2));
        author.request().post("/notifications/read-all").then().statusCode(204);
        author.request().get("/notifications/unread-count").then().body("count", equalTo(0));
        TestUsers.anonymous().get("/notifications").then().statusCode(401);
    }
}
