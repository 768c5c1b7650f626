package app.shutter.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A media item as clients see it, inside posts and stories. URLs are relative to the server. */
public record MediaItem(String url, String thumbnailUrl, MediaType type, int width, int height,
                        Double durationSeconds,
                        @Schema(description = "What it shows, for people who cannot see it; null when the author"
                                + " wrote none") String altText) {
}
