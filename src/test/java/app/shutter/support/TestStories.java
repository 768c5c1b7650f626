package app.shutter.support;

import app.shutter.support.TestUsers.TestUser;
import io.restassured.response.ValidatableResponse;

/** Posts stories through the API. */
public final class TestStories {

    private TestStories() {
    }

    public static ValidatableResponse post(TestUser author) {
        return author.upload().multiPart("media", "s.jpg", MediaSamples.jpeg(32, 48), "image/jpeg").post("/stories")
                .then().statusCode(201);
    }

    public static long postId(TestUser author) {
        return post(author).extract().jsonPath().getLong("id");
    }
}
