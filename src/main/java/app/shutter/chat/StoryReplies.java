package app.shutter.chat;

import app.shutter.common.error.ApiException;
import app.shutter.story.StoryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reply to a story is a chat message to its author that names the story, sent under the chat's rules
 * (mutual followers, no block either way, the hourly allowance) and delivered like any message. The message
 * outlives the story: once it is gone the reply reads as "story unavailable" ({@link ChatHistory.StoryReply}).
 */
@ApplicationScoped
public class StoryReplies {

    public record Reply(@Schema(required = true, maxLength = ChatFrames.MAX_TEXT) String messageText,
                        @Schema(description = "The client's id for the message: sending it again stores nothing new",
                                maxLength = ChatFrames.MAX_CLIENT_ID) String clientId) {
    }

    @Inject
    StoryService stories;

    @Inject
    ChatService chat;

    @Inject
    ChatHistory history;

    @Transactional
    public ChatHistory.StoredMessage reply(long viewer, long storyId, Reply reply) {
        String text = reply == null ? null : reply.messageText();
        if (text == null || text.isBlank() || text.indexOf('\0') >= 0) {
            throw ApiException.invalidField("messageText", "is required and may not contain U+0000");
        }
        if (text.length() > ChatFrames.MAX_TEXT) {
            throw ApiException.invalidField("messageText", "is at most " + ChatFrames.MAX_TEXT + " characters");
        }
        String clientId = reply.clientId();
        if (clientId != null && (clientId.isEmpty() || clientId.length() > ChatFrames.MAX_CLIENT_ID
                || clientId.indexOf('\0') >= 0)) {
            throw ApiException.invalidField("clientId", "is 1-" + ChatFrames.MAX_CLIENT_ID + " characters");
        }
        long author = stories.replyTarget(viewer, storyId);
        ChatFrames.Ack ack;
        try {
            ack = chat.send(viewer, author, text, clientId, null, storyId);
        } catch (ChatError.Refusal refusal) {
            throw refusal.code == ChatError.NOT_MUTUAL_FOLLOWERS ? ApiException.forbidden(refusal.getMessage())
                    : ApiException.notFound("No such story");
        }
        return history.sent(viewer, ack.id());
    }

    /**
     * A reply sent as a socket frame: the same rules, refused as the socket refuses (a story the sender may not
     * reply to: story_unavailable; their own, or a recipientId that is not its author: invalid_frame).
     */
    @Transactional
    public ChatFrames.Ack send(long viewer, long storyId, Long recipientId, String text, String clientId,
                               String origin) {
        long author;
        try {
            author = stories.replyTarget(viewer, storyId);
        } catch (ApiException e) {
            throw new ChatError.Refusal(e.status() == 404 ? ChatError.STORY_UNAVAILABLE : ChatError.INVALID_FRAME,
                    e.status() == 404 ? "No such story" : e.getMessage());
        }
        if (recipientId != null && recipientId != author) {
            throw new ChatError.Refusal(ChatError.INVALID_FRAME,
                    "recipientId must be the story's author (or left out)");
        }
        return chat.send(viewer, author, text, clientId, origin, storyId);
    }
}
