package app.shutter.post;

import app.shutter.common.Text;
import app.shutter.media.MediaUploads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Edits of posts by their authors; each change of what a post says or shows is kept in its history. */
@ApplicationScoped
public class PostEditor {

    @Inject
    PostService posts;

    @Inject
    PostHistory history;

    @Inject
    PostTagging tagging;

    @Inject
    MediaUploads media;

    @Inject
    EntityManager em;

    @Inject
    Event<Object> events;

    /**
     * Applies an edit of the caller's own post. A change of the caption, the media or their alt texts first
     * keeps the post as it was in its history and sets {@code editedAt}; removed media go with their files
     * once the edit commits. Settings (warning, hidden likes) change without a version.
     */
    @Transactional
    public PostView edit(long viewer, long postId, PostEdit edit) {
        Post post = posts.ownPost(viewer, postId);
        PostSettings settings = edit.settings(post);
        List<PostMedia> items = PostMedia.list("postId = ?1 order by position", postId);
        List<PostMedia> kept = edit.has("media") ? edit.media(items) : items;
        List<String> alts = edit.has("altTexts") ? edit.altTexts(kept.size()) : altTextsOf(kept);
        TextEntities entities = edit.has("caption") ? TextEntities.parse(edit.caption(), "caption") : null;
        String caption = edit.has("caption") ? Text.blankToNull(edit.caption()) : post.caption;
        boolean captionChanged = !Objects.equals(caption, post.caption);
        settings.applyTo(post);
        if (captionChanged || !ids(kept).equals(ids(items)) || !alts.equals(altTextsOf(kept))) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as stored: editedAt = replacedAt
            history.record(postId, now); // reads the rows as they are: before any change below is flushed
            List<String> removed = new ArrayList<>();
            for (PostMedia item : items) {
                if (!kept.contains(item)) {
                    removed.addAll(item.media.files());
                    item.delete();
                }
            }
            for (int i = 0; i < kept.size(); i++) {
                kept.get(i).position = (short) i; // positions are unique at commit (a deferred constraint)
                kept.get(i).media.altText = alts.get(i);
            }
            post.caption = caption;
            post.editedAt = now;
            media.deleteAfterCommit(removed);
        }
        if (captionChanged) {
            em.flush();
            events.fire(new PostEvents.CaptionWritten(viewer, postId, tagging.captionWritten(postId, entities)));
        }
        em.flush();
        return posts.view(viewer, postId);
    }

    private static List<Long> ids(List<PostMedia> items) {
        return items.stream().map(item -> item.id).toList();
    }

    private static List<String> altTextsOf(List<PostMedia> items) {
        return items.stream().map(item -> item.media.altText).toList();
    }
}
