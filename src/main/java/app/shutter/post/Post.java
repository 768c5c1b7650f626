package app.shutter.post;

import app.shutter.common.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "posts")
public class Post extends BaseEntity {

    @Column(name = "author_id")
    public long authorId;
    public String caption;
    // Counters change only through atomic SQL (see Likes), never by writing the entity.
    @Column(name = "like_count", insertable = false, updatable = false)
    public int likeCount;
    @Column(name = "comment_count", insertable = false, updatable = false)
    public int commentCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "edited_at")
    public Instant editedAt;
    public boolean sensitive;
    @Column(name = "content_warning")
    public String contentWarning;
    @Column(name = "hide_like_count")
    public boolean hideLikeCount;
    @Column(name = "pinned_at")
    public Instant pinnedAt;
    @Column(name = "archived_at")
    public Instant archivedAt;
    @Column(name = "comment_policy")
    public String commentPolicy;
}
