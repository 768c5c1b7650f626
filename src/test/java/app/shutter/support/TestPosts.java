package app.shutter.support;

import app.shutter.support.TestUsers.TestUser;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Publishes posts through the API, and the graph steps post tests need. */
public final class TestPosts {

    private TestPosts() {
    }

    public static ValidatableResponse publish(TestUser author, String caption) {
        return attempt(author, caption).statusCode(201);
    }

    /** A one-photo post, whatever the answer. */
    public static ValidatableResponse attempt(TestUser author, String caption) {
        var request = author.upload().multiPart("media", "p.jpg", MediaSamples.jpeg(24, 24), "image/jpeg");
        if (caption != null) {
            request = request.multiPart(new MultiPartSpecBuilder(caption).controlName("caption").charset("UTF-8")
                    .build());
        }
        return request.post("/posts").then();
    }

    /**
     * An upload of a carousel of {@code count} small photos (each a different width, so they can be told apart)
     * and the given text parts, e.g. {@code "altText", "a kite"}, in pairs of name and value.
     */
    public static RequestSpecification carousel(TestUser author, int count, String... parts) {
        RequestSpecification request = author.upload();
        for (int i = 0; i < count; i++) {
            request = request.multiPart("media", "p" + i + ".jpg", MediaSamples.jpeg(24 + i, 24), "image/jpeg");
        }
        for (int i = 0; i < parts.length; i += 2) {
            request = request.multiPart(new MultiPartSpecBuilder(parts[i + 1]).controlName(parts[i]).charset("UTF-8")
                    .build());
        }
        return request;
    }

    public static long publishId(TestUser author) {
        return publish(author, "a post").extract().jsonPath().getLong("id");
    }

    /** Comments (or replies, with a parent) and returns the new comment's id. */
    public static long comment(TestUser author, long postId, String text, Long parentId) {
        var body = new java.util.HashMap<String, Object>();
        body.put("text", text);
        body.put("parentId", parentId);
        return author.request().body(body).post("/posts/" + postId + "/comments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static void follow(TestUser fan, TestUser star) {
        fan.request().post("/users/" + star.username() + "/follow").then().statusCode(200);
    }

    /** Each follows the other: what chat requires. */
    public static void mutual(TestUser a, TestUser b) {
        follow(a, b);
        follow(b, a);
    }

    public static void makePrivate(TestUser user) {
        user.request().body("{\"isPrivate\": true}").patch("/users/me").then().statusCode(200);
    }

    public static void block(TestUser blocker, TestUser blocked) {
        blocker.request().post("/users/" + blocked.username() + "/block").then().statusCode(204);
    }
}
