package app.shutter.media;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.List;

/** The columns a table keeps for one stored media file (post_media, stories), with the same names in each. */
@Embeddable
public class MediaColumns {

    public String type;
    public String file;
    @Column(name = "thumbnail_file")
    public String thumbnailFile;
    public int width;
    public int height;
    @Column(name = "duration_ms")
    public Long durationMs;
    @Column(name = "alt_text")
    public String altText;
    /** Null until computed (older rows), {@link #NO_BLURHASH} when none can be. */
    public String blurhash;

    /** The column's value for media that can have no placeholder (a video without a thumbnail). */
    public static final String NO_BLURHASH = "";

    static String blurhashOrNull(String column) {
        return column == null || column.isEmpty() ? null : column;
    }

    /** @param altText already checked ({@link AltTexts}) */
    public static MediaColumns of(StoredMedia stored, String altText) {
        MediaColumns columns = new MediaColumns();
        columns.type = stored.type().value();
        columns.file = stored.file();
        columns.thumbnailFile = stored.thumbnailFile();
        columns.width = stored.width();
        columns.height = stored.height();
        columns.durationMs = stored.durationMillis();
        columns.altText = altText;
        columns.blurhash = stored.blurhash();
        return columns;
    }

    /** The stored names, to delete. */
    public List<String> files() {
        return MediaFiles.of(file, thumbnailFile);
    }
}
