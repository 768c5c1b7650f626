package app.shutter.chat;

import app.shutter.common.error.ApiException;
import app.shutter.common.security.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * ws://host/chat?token=... (or the Authorization header, or the bearer-token subprotocol). Each text frame
 * is one message to send; the answer on the same connection is its ack or an error frame.
 */
@WebSocket(path = "/chat")
@Authenticated
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class);

    /** Inbound frames are read strictly: no unknown fields, no "4" for 4. */
    private static final ObjectMapper FRAMES = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    @Inject
    WebSocketConnection connection;

    @Inject
    CurrentUser currentUser;

    @Inject
    JsonWebToken token;

    @Inject
    ChatConnections connections;

    @Inject
    ChatService chat;

    @Inject
    StoryReplies storyReplies;

    @Inject
    ObjectMapper json;

    @Inject
    ChatConfig config;

    @OnOpen
    void onOpen() {
        connections.opened(connection, currentUser.id(), currentUser.sessionId(), token.getExpirationTime());
    }

    @OnTextMessage
    String onFrame(String text) throws JsonProcessingException {
        if (text.length() > config.maxFrameSize()) {
            connection.closeAndAwait(new CloseReason(1009, "frame too large"));
            return null;
        }
        if (!connections.withinRate(connection)) {
            return error(ChatError.RATE_LIMITED, "Too many messages; slow down", null);
        }
        ChatFrames.Send frame;
        try {
            frame = FRAMES.readValue(text, ChatFrames.Send.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return error(ChatError.INVALID_FRAME, "Send {\"recipientId\": number, \"messageText\": string,"
                    + " \"clientId\": optional string} (\"storyId\": number replies to a story)", null);
        }
        if (frame == null || (frame.recipientId() == null && frame.storyId() == null) || frame.messageText() == null
                || frame.messageText().isBlank() || frame.messageText().indexOf('\0') >= 0
                || (frame.clientId() != null && (frame.clientId().isEmpty()
                    || frame.clientId().length() > ChatFrames.MAX_CLIENT_ID || frame.clientId().indexOf('\0') >= 0))) {
            return error(ChatError.INVALID_FRAME, "recipientId (or storyId) and a non-empty messageText are required;"
                    + " clientId is 1-" + ChatFrames.MAX_CLIENT_ID + " characters; neither may contain U+0000",
                    frame == null ? null : frame.clientId());
        }
        if (frame.messageText().length() > ChatFrames.MAX_TEXT) {
            return error(ChatError.MESSAGE_TOO_LONG, "A message is at most " + ChatFrames.MAX_TEXT + " characters",
                    frame.clientId());
        }
        long me = currentUser.id();
        if (frame.senderId() != null && frame.senderId() != me) {
            return error(ChatError.SENDER_MISMATCH, "senderId must be your own id (or left out)", frame.clientId());
        }
        try {
            return json.writeValueAsString(frame.storyId() == null
                    ? chat.send(me, frame.recipientId(), frame.messageText(), frame.clientId(), connection.id())
                    : storyReplies.send(me, frame.storyId(), frame.recipientId(), frame.messageText(),
                            frame.clientId(), connection.id()));
        } catch (ChatError.Refusal refusal) {
            return error(refusal.code, refusal.getMessage(), frame.clientId());
        } catch (ApiException e) {
            if (e.status() == 429) { // the account's hourly allowance (on every instance), not this socket's pace
                return error(ChatError.RATE_LIMITED, e.getMessage() + "; try again in " + e.retryAfterSeconds() + " s",
                        frame.clientId());
            }
            return notStored(e, frame.clientId());
        } catch (RuntimeException e) {
            return notStored(e, frame.clientId());
        }
    }

    /**
     * Frames are JSON text; a binary frame (a Blob or an ArrayBuffer sent by mistake) gets an error frame, like any
     * frame that cannot be read, instead of silence.
     */
    @OnBinaryMessage
    void onBinaryFrame(Buffer ignored) throws JsonProcessingException {
        String answer = connections.withinRate(connection)
                ? error(ChatError.INVALID_FRAME, "Frames are JSON text; this one was binary", null)
                : error(ChatError.RATE_LIMITED, "Too many messages; slow down", null);
        if (connection.isOpen()) {
            connection.sendTextAndAwait(answer);
        }
    }

    /** The socket stays open (an escaping exception would close it); the client resends with its clientId. */
    private String notStored(RuntimeException e, String clientId) throws JsonProcessingException {
        LOG.warnf("Could not store a chat message: %s", e.toString());
        LOG.debug("Chat message failure", e);
        return error(ChatError.UNAVAILABLE, "The message was not stored; send it again with the same clientId", clientId);
    }

    @OnClose
    void onClose() {
        connections.closed(connection);
    }

    /** A client broke the protocol; {@link StrictFrames} has already closed the socket with the right code. */
    @OnError
    void onProtocolViolation(CorruptedWebSocketFrameException e) {
        LOG.debugf("Chat socket closed on a protocol violation: %s", e.getMessage());
    }

    private String error(ChatError code, String message, String clientId) throws JsonProcessingException {
        return json.writeValueAsString(new ChatFrames.Error(code, message, clientId));
    }
}
