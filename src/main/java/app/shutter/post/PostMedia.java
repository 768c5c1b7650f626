package app.shutter.post;

import app.shutter.common.persistence.BaseEntity;
import app.shutter.media.StoredMedia;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One item of a post's carousel; {@code position} keeps the upload order. */
@Entity
@Table(name = "post_media")
public class PostMedia extends BaseEntity {

    @Column(name = "post_id")
    public long postId;
    public short position;
    public String type;
    public String file;
    @Column(name = "thumbnail_file")
    public String thumbnailFile;
    public int width;
    public int height;
    @Column(name = "duration_ms")
    public Long durationMs;

    static PostMedia of(long postId, int position, StoredMedia stored) {
        PostMedia media = new PostMedia();
        media.postId = postId;
        media.position = (short) position;
        media.type = stored.type().value();
        media.file = stored.file();
        media.thumbnailFile = stored.thumbnailFile();
        media.width = stored.width();
        media.height = stored.height();
        media.durationMs = stored.durationMillis();
        return media;
    }
}
