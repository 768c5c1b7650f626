package app.shutter.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Set;

/**
 * Stores the hashtags and mentions of captions and comments. Sets travel to SQL as one space-separated
 * string (neither a tag nor a username can hold a space), so each change is a fixed number of statements.
 */
@ApplicationScoped
public class PostTagging {

    @Inject
    EntityManager em;

    /** After a caption is written: its mentions replace the old ones, and the post's tags are rebuilt. */
    public List<Long> captionWritten(long postId, TextEntities caption) {
        em.createNativeQuery("""
                        delete from post_mentions m where m.post_id = :post and not exists (select 1 from users u
                            where u.id = m.user_id and u.username = any (string_to_array(:names, ' ')))""")
                .setParameter("post", postId).setParameter("names", joined(caption.usernames())).executeUpdate();
        List<Long> mentioned = ids(em.createNativeQuery("""
                        insert into post_mentions (post_id, user_id)
                        select :post, u.id from users u
                        where u.username = any (string_to_array(:names, ' ')) and u.hidden_at is null
                        on conflict do nothing returning user_id""")
                .setParameter("post", postId).setParameter("names", joined(caption.usernames())).getResultList());
        refreshTags(postId, caption.tags());
        return mentioned;
    }

    /** After a comment is written: its tags and mentions are stored; the post author's own count for the post. */
    public List<Long> commentWritten(long commentId, long postId, boolean byPostAuthor, TextEntities comment) {
        if (!comment.tags().isEmpty()) {
            em.createNativeQuery("""
                            insert into comment_tags (comment_id, tag)
                            select :comment, t from unnest(string_to_array(:tags, ' ')) t on conflict do nothing""")
                    .setParameter("comment", commentId).setParameter("tags", joined(comment.tags())).executeUpdate();
            if (byPostAuthor) {
                refreshTags(postId, captionTags(postId));
            }
        }
        if (comment.usernames().isEmpty()) {
            return List.of();
        }
        return ids(em.createNativeQuery("""
                        insert into comment_mentions (comment_id, user_id)
                        select :comment, u.id from users u
                        where u.username = any (string_to_array(:names, ' ')) and u.hidden_at is null
                        on conflict do nothing returning user_id""")
                .setParameter("comment", commentId).setParameter("names", joined(comment.usernames()))
                .getResultList());
    }

    /** After some of the post author's comments were deleted, their tags no longer list the post. */
    public void authorCommentsDeleted(long postId) {
        refreshTags(postId, captionTags(postId));
    }

    /** The post's tags: its caption's and its author's comments', with the post's time for the tag index. */
    private void refreshTags(long postId, Set<String> captionTags) {
        em.createNativeQuery("delete from post_tags where post_id = :post").setParameter("post", postId)
                .executeUpdate();
        em.createNativeQuery("""
                        insert into post_tags (post_id, tag, post_created_at)
                        select p.id, t.tag, p.created_at from posts p cross join lateral (
                            select unnest(string_to_array(:tags, ' ')) as tag
                            union
                            select ct.tag from comment_tags ct join comments c on c.id = ct.comment_id
                            where c.post_id = p.id and c.author_id = p.author_id) t
                        where p.id = :post""")
                .setParameter("post", postId).setParameter("tags", joined(captionTags)).executeUpdate();
    }

    private Set<String> captionTags(long postId) {
        String caption = (String) em.createNativeQuery("select caption from posts where id = :post")
                .setParameter("post", postId).getSingleResult();
        return TextEntities.parse(caption, "caption").tags();
    }

    private static String joined(Set<String> values) {
        return String.join(" ", values);
    }

    private static List<Long> ids(List<?> rows) {
        return rows.stream().map(row -> ((Number) row).longValue()).toList();
    }
}
