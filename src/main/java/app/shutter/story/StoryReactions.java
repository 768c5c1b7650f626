package app.shutter.story;

import app.shutter.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Quick reactions to a story: one emoji from a fixed set per person and story, by anyone who may see it. A
 * reaction counts as a view, so the author reads it beside that viewer in the viewers list.
 */
@ApplicationScoped
public class StoryReactions {

    /** The same set as the story_reactions_emoji constraint (V27). */
    public static final List<String> EMOJI = List.of("❤️", "😂", "😮", "😢", "😍", "👏", "🔥", "🎉");

    public record Reaction(@Schema(enumeration = {"❤️", "😂", "😮", "😢", "😍", "👏", "🔥", "🎉"}) String emoji) {
    }

    @Inject
    StoryService stories;

    @Inject
    EntityManager em;

    /** Sets (or replaces) the viewer's reaction; the story is viewed in the same statement. */
    @Transactional
    public Reaction react(long viewer, long storyId, Reaction reaction) {
        String emoji = emoji(reaction);
        Story story = stories.visibleStory(viewer, storyId);
        if (story.authorId == viewer) {
            throw ApiException.badRequest("You cannot react to your own story");
        }
        em.createNativeQuery("""
                        with reacted as (insert into story_reactions (story_id, user_id, emoji)
                                         values (:story, :viewer, :emoji)
                                         on conflict (story_id, user_id) do update
                                         set emoji = excluded.emoji, reacted_at = clock_timestamp()),
                        """ + StoryService.RECORD_VIEW)
                .setParameter("story", storyId).setParameter("viewer", viewer).setParameter("emoji", emoji)
                .executeUpdate();
        return new Reaction(emoji);
    }

    /** Idempotent; the view stays. */
    @Transactional
    public void withdraw(long viewer, long storyId) {
        stories.visibleStory(viewer, storyId);
        em.createNativeQuery("delete from story_reactions where story_id = :story and user_id = :viewer")
                .setParameter("story", storyId).setParameter("viewer", viewer).executeUpdate();
    }

    /** One of the set; a heart without its emoji presentation selector counts as the heart. */
    private static String emoji(Reaction reaction) {
        String emoji = reaction == null || reaction.emoji() == null ? "" : reaction.emoji().trim();
        if (emoji.equals("❤")) {
            emoji = "❤️";
        }
        if (!EMOJI.contains(emoji)) {
            throw ApiException.invalidField("emoji", "must be one of " + String.join(" ", EMOJI));
        }
        return emoji;
    }
}
