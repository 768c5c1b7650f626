package app.shutter.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** The JSON frames of the chat socket, both ways (registered for Jackson's reflection in a native image). */
@RegisterForReflection(targets = {ChatFrames.Send.class, ChatFrames.Ack.class, ChatFrames.Message.class,
        ChatFrames.Read.class, ChatFrames.Error.class})
public final class ChatFrames {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_CLIENT_ID = 64;

    private ChatFrames() {
    }

    /** A server frame as the text sent on the socket. */
    static String json(ObjectMapper json, Object frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chat frame could not be written", e);
        }
    }

    /**
     * Client to server; senderId is accepted from older clients and must be the caller. With storyId it is a reply
     * to that story, to its author (recipientId may then be left out).
     */
    public record Send(Long recipientId, String messageText, String clientId, Long senderId, Long storyId) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Ack(String type, String clientId, long id, Instant sentAt) {
        public Ack(String clientId, long id, Instant sentAt) {
            this("ack", clientId, id, sentAt);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Message(String type, long id, long senderId, long recipientId, String messageText, Instant sentAt,
                          String clientId, Long storyId) {
        public Message(long id, long senderId, long recipientId, String messageText, Instant sentAt, String clientId) {
            this(id, senderId, recipientId, messageText, sentAt, clientId, null);
        }

        /** @param storyId the story it replies to; null for an ordinary message */
        public Message(long id, long senderId, long recipientId, String messageText, Instant sentAt, String clientId,
                       Long storyId) {
            this("message", id, senderId, recipientId, messageText, sentAt, clientId, storyId);
        }
    }

    public record Read(String type, long userId, long upToId) {
        public Read(long userId, long upToId) {
            this("read", userId, upToId);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Error(String type, String code, String message, String clientId) {
        public Error(ChatError code, String message, String clientId) {
            this("error", code.value(), message, clientId);
        }
    }
}
