package app.shutter.post;

import app.shutter.media.MediaItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An earlier version of a post, as its history lists it. */
public record PostVersionView(
        String caption,
        @Schema(description = "The media in that version's order, with the alt texts they had; an item removed since"
                + " has no URLs (its file is gone)") List<MediaItem> media,
        @Schema(description = "When this version was published or written by an edit") Instant createdAt,
        @Schema(description = "When an edit replaced it") Instant replacedAt) {
}
