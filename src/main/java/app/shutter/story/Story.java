package app.shutter.story;

import app.shutter.common.persistence.BaseEntity;
import app.shutter.media.MediaColumns;
import app.shutter.media.StoredMedia;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "stories")
public class Story extends BaseEntity {

    @Column(name = "author_id")
    public long authorId;
    @Embedded
    public MediaColumns media;
    // Changes only through atomic SQL (see StoryService.view), never by writing the entity.
    @Column(name = "view_count", insertable = false, updatable = false)
    public int viewCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    /** everyone or close_friends ({@link StoryAudience}) */
    public String audience;

    static Story of(long author, StoredMedia stored, String altText, StoryAudience audience, Instant now,
                    Instant expiresAt) {
        Story story = new Story();
        story.audience = audience.value();
        story.authorId = author;
        story.media = MediaColumns.of(stored, altText);
        story.createdAt = now;
        story.expiresAt = expiresAt;
        return story;
    }
}
