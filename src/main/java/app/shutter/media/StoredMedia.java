package app.shutter.media;

import java.util.List;

/**
 * One processed upload as kept in storage: the file names (never the client's), its kind and what the
 * container or image header says about it. Features store these values in their own tables.
 */
public record StoredMedia(MediaType type, String file, String thumbnailFile, int width, int height,
                          Long durationMillis, String blurhash) {

    public List<String> files() {
        return MediaFiles.of(file, thumbnailFile);
    }
}
