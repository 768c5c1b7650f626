package app.shutter.chat;

import app.shutter.story.StoryCleanup;
import app.shutter.support.ChatClient;
import app.shutter.support.MediaSamples;
import app.shutter.support.TestPosts;
import app.shutter.support.TestStories;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class StoryReplyTest extends ChatSocketTest {

    @Inject
    StoryCleanup cleanup;

    @Test
    void a_story_reply_is_a_message_to_the_author_that_names_the_story_until_it_is_gone() throws Exception {
        TestUser author = TestUsers.create();
        TestUser friend = TestUsers.create();
        TestPosts.mutual(author, friend);
        long story = TestStories.postId(author);
        try (ChatClient authorPhone = ChatClient.connect(chat, author.accessToken())) {
            awaitPresence(author);
            friend.request().body(Map.of("messageText", "love this", "clientId", "r-1"))
                    .post("/stories/" + story + "/reply").then().statusCode(201)
                    .body("recipientId", equalTo((int) author.id())).body("messageText", equalTo("love this"))
                    .body("story.id", equalTo((int) story)).body("story.available", equalTo(true))
                    .body("story.media.url", notNullValue());
            JsonPath frame = authorPhone.next();
            assertThat(frame.getString("type")).isEqualTo("message");
            assertThat(frame.getLong("storyId")).isEqualTo(story);
            assertThat(frame.getString("messageText")).isEqualTo("love this");
        }
        // the same clientId again stores nothing new
        friend.request().body(Map.of("messageText", "love this", "clientId", "r-1"))
                .post("/stories/" + story + "/reply").then().statusCode(201);
        assertThat(queryValue("select count(*) from messages where story_id = ?", story)).isEqualTo(1L);
        author.request().get("/chats/" + friend.id() + "/messages").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].story.available", equalTo(true));
        author.request().get("/chats").then().body("items[0].lastMessage.messageText", equalTo("love this"));

        // expired and removed by the job: the message stays, the story reads as unavailable
        execute("update stories set expires_at = created_at + interval '1 millisecond' where id = ?", story);
        friend.request().get("/chats/" + author.id() + "/messages").then()
                .body("items[0].story.available", equalTo(false)).body("items[0].story.media", nullValue());
        assertThat(cleanup.run()).isEqualTo(1);
        friend.request().get("/chats/" + author.id() + "/messages").then().statusCode(200)
                .body("items[0].messageText", equalTo("love this"))
                .body("items[0].story.id", nullValue()).body("items[0].story.available", equalTo(false));
        friend.request().body(Map.of("messageText", "hello")).post("/stories/" + story + "/reply").then()
                .statusCode(404);
    }

    @Test
    void replies_follow_the_chat_rules_and_the_story_rules() {
        TestUser author = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestUser mutual = TestUsers.create();
        TestPosts.follow(fan, author); // one way only
        TestPosts.mutual(author, mutual);
        long story = TestStories.postId(author);

        fan.request().body(Map.of("messageText", "hi")).post("/stories/" + story + "/reply").then().statusCode(403)
                .contentType("application/problem+json");
        author.request().body(Map.of("messageText", "me")).post("/stories/" + story + "/reply").then().statusCode(400);
        mutual.request().body(Map.of("messageText", "")).post("/stories/" + story + "/reply").then().statusCode(400)
                .body("errors[0].field", equalTo("messageText"));
        mutual.request().body(Map.of("messageText", "x".repeat(2001))).post("/stories/" + story + "/reply").then()
                .statusCode(400);
        mutual.request().body(Map.of("messageText", "hi")).post("/stories/999999999/reply").then().statusCode(404);

        // a close-friends story the replier is not shown, and a block: 404
        long inner = author.upload().multiPart("media", "s.jpg", MediaSamples.jpeg(16, 16), "image/jpeg")
                .multiPart("audience", "close_friends").post("/stories").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        mutual.request().body(Map.of("messageText", "hi")).post("/stories/" + inner + "/reply").then().statusCode(404);
        TestPosts.block(author, mutual);
        mutual.request().body(Map.of("messageText", "hi")).post("/stories/" + story + "/reply").then().statusCode(404);
        TestUsers.anonymous().body(Map.of("messageText", "hi")).post("/stories/" + story + "/reply").then()
                .statusCode(401);
        assertThat(queryValue("select count(*) from messages where recipient_id = ?", author.id())).isEqualTo(0L);
    }

    @Test
    void a_story_reply_can_be_sent_on_the_chat_socket_under_the_same_rules() throws Exception {
        TestUser author = TestUsers.create();
        TestUser friend = TestUsers.create();
        TestUser fan = TestUsers.create();
        TestPosts.mutual(author, friend);
        TestPosts.follow(fan, author); // one way only
        long story = TestStories.postId(author);
        long gone = TestStories.postId(author);
        author.request().delete("/stories/" + gone).then().statusCode(204);
        try (ChatClient authorPhone = ChatClient.connect(chat, author.accessToken());
             ChatClient friendPhone = ChatClient.connect(chat, friend.accessToken());
             ChatClient fanPhone = ChatClient.connect(chat, fan.accessToken())) {
            awaitPresence(author);
            JsonPath ack = friendPhone.send("{\"storyId\": " + story + ", \"messageText\": \"wow\","
                    + " \"clientId\": \"s-1\"}").next();
            assertThat(ack.getString("type")).isEqualTo("ack");
            JsonPath frame = authorPhone.next();
            assertThat(frame.getString("type")).isEqualTo("message");
            assertThat(frame.getLong("storyId")).isEqualTo(story);
            assertThat(frame.getLong("id")).isEqualTo(ack.getLong("id"));
            assertThat(frame.getLong("senderId")).isEqualTo(friend.id());

            // the author named as recipient is fine; anyone else, one's own story, a gone story are refused
            assertThat(friendPhone.send("{\"storyId\": " + story + ", \"recipientId\": " + author.id()
                    + ", \"messageText\": \"again\"}").next().getString("type")).isEqualTo("ack");
            assertThat(authorPhone.next().getString("messageText")).isEqualTo("again");
            author.request().get("/chats/" + friend.id() + "/messages").then().statusCode(200)
                    .body("items.messageText", org.hamcrest.Matchers.contains("again", "wow"))
                    .body("items[1].story.id", equalTo((int) story));
            assertThat(friendPhone.send("{\"storyId\": " + story + ", \"recipientId\": " + fan.id()
                    + ", \"messageText\": \"x\", \"clientId\": \"s-2\"}").next().getString("code"))
                    .isEqualTo("invalid_frame");
            assertThat(authorPhone.send("{\"storyId\": " + story + ", \"messageText\": \"me\"}").next()
                    .getString("code")).isEqualTo("invalid_frame");
            JsonPath expired = friendPhone.send("{\"storyId\": " + gone + ", \"messageText\": \"late\","
                    + " \"clientId\": \"s-3\"}").next();
            assertThat(expired.getString("code")).isEqualTo("story_unavailable");
            assertThat(expired.getString("clientId")).isEqualTo("s-3");
            assertThat(fanPhone.send("{\"storyId\": " + story + ", \"messageText\": \"hi\"}").next()
                    .getString("code")).isEqualTo("not_mutual_followers");
            TestPosts.block(author, friend);
            assertThat(friendPhone.send("{\"storyId\": " + story + ", \"messageText\": \"hi\"}").next()
                    .getString("code")).isEqualTo("story_unavailable");
        }
        assertThat(queryValue("select count(*) from messages where story_id = ?", story)).isEqualTo(2L);
        assertThat(queryValue("select count(*) from messages where story_id = ?", gone)).isEqualTo(0L);
    }
}
