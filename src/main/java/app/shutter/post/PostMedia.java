package app.shutter.post;

import app.shutter.common.persistence.BaseEntity;
import app.shutter.media.MediaColumns;
import app.shutter.media.StoredMedia;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One item of a post's carousel; {@code position} keeps the upload order. */
@Entity
@Table(name = "post_media")
public class PostMedia extends BaseEntity {

    @Column(name = "post_id")
    public long postId;
    public short position;
    @Embedded
    public MediaColumns media;

    static PostMedia of(long postId, int position, StoredMedia stored, String altText) {
        PostMedia item = new PostMedia();
        item.postId = postId;
        item.position = (short) position;
        item.media = MediaColumns.of(stored, altText);
        return item;
    }
}
