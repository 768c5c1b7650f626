package app.shutter.media;

import app.shutter.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Turns an uploaded still image into clean files: the format is whatever an ImageIO reader recognises in
 * the bytes (JPEG, PNG, GIF, WebP only), the header's dimensions are checked before any pixel is decoded,
 * EXIF orientation is applied and the pixels are re-encoded without metadata. Animated GIFs and WebPs
 * keep their first frame.
 */
@ApplicationScoped
public class ImageProcessor {

    private static final Set<String> ACCEPTED_FORMATS = Set.of("jpeg", "png", "gif", "webp");

    @Inject
    MediaConfig config;

    private Semaphore decodes;

    @jakarta.annotation.PostConstruct
    void init() {
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false); // decode in memory, no scratch files in java.io.tmpdir
        decodes = new Semaphore(Math.max(1, config.concurrentDecodes()));
    }

    /** Null when no accepted image format recognises the content. */
    ProcessedMedia process(Path file, long size, MediaPurpose purpose, String part) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = in == null ? null : acceptedReader(in);
            if (reader == null) {
                return null;
            }
            try {
                if (size > config.maxImageSize().asLongValue()) {
                    throw ApiException.contentTooLarge(part + " is larger than the "
                            + MediaConfig.describe(config.maxImageSize()) + " allowed for an image");
                }
                reader.setInput(in, false, false);
                BufferedImage decoded = decode(reader, part);
                Orientation orientation = orientation(reader);
                return encode(decoded, orientation, purpose);
            } finally {
                reader.dispose();
            }
        }
    }

    private BufferedImage decode(ImageReader reader, String part) {
        long pixels;
        try {
            pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw undecodable(part);
        }
        if (pixels <= 0 || pixels > config.maxPixels()) {
            throw ApiException.unprocessable(part + " declares " + pixels + " pixels; at most "
                    + config.maxPixels() + " are accepted");
        }
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        decodes.acquireUninterruptibly();
        try {
            BufferedImage image = reader.read(0);
            // the JPEG decoder reports a cut-off file as a warning and fills the rest with grey
            if (warnings.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("premature end"))) {
                throw undecodable(part);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw undecodable(part);
        } finally {
            decodes.release();
        }
    }

    private ProcessedMedia encode(BufferedImage decoded, Orientation orientation, MediaPurpose purpose)
            throws IOException {
        BufferedImage main = ImageEncoder.fit(decoded, purpose.maxSide(config),
                orientation == null || orientation == Orientation.TOP_LEFT ? null
                        : ExifFilterUtils.getFilterForOrientation(orientation));
        ImageEncoder.Encoded image = ImageEncoder.write(main, config.jpegQuality());
        ImageEncoder.Encoded thumbnail = null;
        try {
            if (purpose.thumbnail()) {
                BufferedImage small = ImageEncoder.fit(main, config.thumbnailMaxSide(), null);
                thumbnail = ImageEncoder.writeThumbnail(small, config.jpegQuality());
            }
            return new ProcessedMedia(MediaType.IMAGE, image.file(), image.extension(), image.contentType(),
                    image.width(), image.height(), null, thumbnail,
                    thumbnail == null ? null : thumbnail.blurhash());
        } catch (IOException | RuntimeException e) {
            java.nio.file.Files.deleteIfExists(image.file());
            throw e;
        }
    }

    /** EXIF orientation of JPEGs; anything unreadable counts as "as stored". */
    private static Orientation orientation(ImageReader reader) {
        try {
            return ExifUtils.getExifOrientation(reader, 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ImageReader acceptedReader(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try {
                if (ACCEPTED_FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return reader;
                }
            } catch (IOException e) {
                // a reader that cannot name its format is not one of ours
            }
            reader.dispose();
        }
        return null;
    }

    private static ApiException undecodable(String part) {
        return ApiException.unprocessable(part + " looks like an image but could not be decoded"
                + " (truncated or corrupt)");
    }
}
