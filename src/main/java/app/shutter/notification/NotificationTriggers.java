package app.shutter.notification;

import app.shutter.graph.GraphEvents;
import app.shutter.post.PostEvents;
import app.shutter.user.AccountEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which actions notify whom, and what undoing them takes back. Runs inside the action's transaction.
 * Deleting a post or comment needs nothing here: its notifications go with it (foreign key cascade).
 */
@ApplicationScoped
public class NotificationTriggers {

    @Inject
    Notifier notifier;

    void onLiked(@Observes PostEvents.Liked event) {
        notifier.notify(NotificationType.LIKE, event.actor(), List.of(event.postAuthor()), event.postId(), null);
    }

    void onUnliked(@Observes PostEvents.Unliked event) {
        notifier.withdrawLike(event.actor(), event.postId());
    }

    void onCommentLiked(@Observes PostEvents.CommentLiked event) {
        notifier.notify(NotificationType.COMMENT_LIKE, event.actor(), List.of(event.commentAuthor()), event.postId(),
                event.commentId());
    }

    void onCommentUnliked(@Observes PostEvents.CommentUnliked event) {
        notifier.withdrawCommentLike(event.actor(), event.commentId());
    }

    /** One notification per person per comment: a reply beats a comment, which beats a mention. */
    void onCommented(@Observes PostEvents.Commented event) {
        List<Long> told = new ArrayList<>();
        if (event.repliedTo() != null) {
            told.addAll(notifier.notify(NotificationType.REPLY, event.actor(), List.of(event.repliedTo()),
                    event.postId(), event.commentId()));
        }
        if (!told.contains(event.postAuthor())) {
            told.addAll(notifier.notify(NotificationType.COMMENT, event.actor(), List.of(event.postAuthor()),
                    event.postId(), event.commentId()));
        }
        List<Long> mentioned = event.mentioned().stream().filter(id -> !told.contains(id)).toList();
        notifier.notify(NotificationType.MENTION, event.actor(), mentioned, event.postId(), event.commentId());
    }

    /** Accounts a caption no longer mentions lose that notification; newly mentioned ones get one. */
    void onCaptionWritten(@Observes PostEvents.CaptionWritten event) {
        notifier.withdrawStaleCaptionMentions(event.postId());
        notifier.notify(NotificationType.MENTION, event.author(), event.newlyMentioned(), event.postId(), null);
    }

    void onFollowed(@Observes GraphEvents.Followed event) {
        notifier.notify(event.requested() ? NotificationType.FOLLOW_REQUEST : NotificationType.FOLLOW,
                event.follower(), List.of(event.followee()), null, null);
    }

    void onFollowEnded(@Observes GraphEvents.FollowEnded event) {
        notifier.withdrawFollow(event.follower(), event.followee());
    }

    /** The request turns into a new follower for one side and an acceptance for the other. */
    void onRequestAccepted(@Observes GraphEvents.RequestAccepted event) {
        notifier.withdraw(NotificationType.FOLLOW_REQUEST, event.follower(), event.followee());
        notifier.notify(NotificationType.FOLLOW, event.follower(), Set.of(event.followee()), null, null);
        notifier.notify(NotificationType.FOLLOW_ACCEPTED, event.followee(), Set.of(event.follower()), null, null);
    }

    /** A private account turning public accepts every request: they become plain follows. */
    void onMadePublic(@Observes AccountEvents.MadePublic event) {
        notifier.requestsBecameFollows(event.userId());
    }

    void onDeactivated(@Observes AccountEvents.Deactivated event) {
        notifier.withdrawAllOf(event.userId());
    }
}
