package app.shutter.post;

import app.shutter.common.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A comment on a post, or a reply to a top-level comment (replies are one level deep). */
@Entity
@Table(name = "comments")
public class Comment extends BaseEntity {

    @Column(name = "post_id")
    public long postId;
    @Column(name = "parent_id")
    public Long parentId;
    @Column(name = "author_id")
    public long authorId;
    public String text;
    // Changes only through atomic SQL (see CommentService), never by writing the entity.
    @Column(name = "reply_count", insertable = false, updatable = false)
    public int replyCount;
    @Column(name = "created_at")
    public Instant createdAt;
    /** It holds a word its post's author hides: only its own author sees it. */
    @Column(name = "hidden_by_words")
    public boolean hiddenByWords;
}
