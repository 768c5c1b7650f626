package app.shutter.moderation;

import app.shutter.chat.ChatHistory;
import app.shutter.common.error.ApiException;
import app.shutter.graph.Relationships;
import app.shutter.post.CommentService;
import app.shutter.post.CommentView;
import app.shutter.post.PostService;
import app.shutter.post.PostView;
import app.shutter.story.StoryService;
import app.shutter.story.StoryView;
import app.shutter.user.User;
import app.shutter.user.UserSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Finds what a report names, as the reporter sees it: each feature's own read decides visibility, so what the
 * reporter cannot see answers 404 as it does everywhere else.
 */
@ApplicationScoped
class ReportedObjects {

    /** A reported object: its kind and id, the account it belongs to, and what it shows. */
    record Reported(String kind, long id, long ownerId, ReportedContent content) {
    }

    @Inject
    PostService posts;

    @Inject
    CommentService comments;

    @Inject
    StoryService stories;

    @Inject
    ChatHistory chats;

    @Inject
    Relationships relationships;

    Reported find(long reporter, String kind, long id) {
        Reported reported = switch (kind) {
            case "post" -> {
                PostView post = posts.view(reporter, id);
                yield new Reported(kind, id, post.author().id(),
                        new ReportedContent(post.author(), post.caption(), post.media(), post.createdAt()));
            }
            case "comment" -> {
                CommentView comment = comments.comment(reporter, id);
                yield new Reported(kind, id, comment.author().id(),
                        new ReportedContent(comment.author(), comment.text(), List.of(), comment.createdAt()));
            }
            case "story" -> {
                StoryView story = stories.story(reporter, id);
                yield new Reported(kind, id, story.author().id(),
                        new ReportedContent(story.author(), null, List.of(story.media()), story.createdAt()));
            }
            case "account" -> account(reporter, id);
            case "message" -> chats.received(reporter, id)
                    .map(message -> new Reported(kind, id, message.senderId(), new ReportedContent(
                            UserSummary.of(User.findById(message.senderId())), message.messageText(), List.of(),
                            message.sentAt())))
                    .orElseThrow(() -> ApiException.notFound("No such message"));
            default -> throw ApiException.invalidField("kind", "is not a kind of report");
        };
        if (reported.ownerId() == reporter) {
            throw ApiException.badRequest("You cannot report your own " + kind);
        }
        return reported;
    }

    /** An active account that does not block the reporter (one may report an account one blocks). */
    private Reported account(long reporter, long id) {
        User user = User.findVisibleById(id).orElseThrow(() -> ApiException.notFound("No such user"));
        if (user.id != reporter && relationships.between(reporter, user.id).blockedBy()) {
            throw ApiException.notFound("No such user");
        }
        return new Reported("account", id, user.id,
                new ReportedContent(UserSummary.of(user), user.bio, List.of(), user.createdAt));
    }
}
