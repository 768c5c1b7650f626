package app.shutter.chat;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;

import java.net.URI;

/** Base of the chat socket tests: the socket's address, the send frame, and waiting for presence. */
abstract class ChatSocketTest extends ApiTest {

    @TestHTTPResource("/chat")
    URI chat;

    static String frame(TestUser to, String text, String clientId) {
        return "{\"recipientId\": " + to.id() + ", \"messageText\": \"" + text + "\""
                + (clientId == null ? "" : ", \"clientId\": \"" + clientId + "\"") + "}";
    }

    /** Presence is written as the socket opens, asynchronously: wait until the user shows as online. */
    void awaitPresence(TestUser user) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if ((Long) queryValue("select count(*) from chat_presence where user_id = ?", user.id()) > 0) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the connection never showed as present");
    }
}
