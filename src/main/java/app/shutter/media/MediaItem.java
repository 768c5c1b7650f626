package app.shutter.media;

/** A media item as clients see it, inside posts and stories. URLs are relative to the server. */
public record MediaItem(String url, String thumbnailUrl, MediaType type, int width, int height,
                        Double durationSeconds) {
}
