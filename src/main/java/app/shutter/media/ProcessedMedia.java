package app.shutter.media;

import java.nio.file.Path;

/** A processor's output: finished temporary files, not yet in storage. */
record ProcessedMedia(MediaType type, Path file, String extension, String contentType, int width, int height,
                      Long durationMillis, ImageEncoder.Encoded thumbnail, String blurhash) {
}
