package app.shutter.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A media item as clients see it, inside posts and stories. URLs are relative to the server. */
public record MediaItem(@Schema(description = "The item's id in its post, to reorder or remove it by an edit;"
                                + " null in stories") Long id,
                        String url, String thumbnailUrl, MediaType type, int width, int height,
                        Double durationSeconds,
                        @Schema(description = "What it shows, for people who cannot see it; null when the author"
                                + " wrote none") String altText,
                        @Schema(description = "A BlurHash (blurha.sh) of the image or the video's thumbnail, to paint"
                                + " while the file loads; null when there is none (yet)") String blurhash) {
}
