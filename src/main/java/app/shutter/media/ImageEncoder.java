package app.shutter.media;

import io.trbl.blurhash.BlurHash;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.filters.ImageFilter;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scales decoded pixels with Thumbnailator and writes them as a fresh JPEG (or PNG when some pixel is
 * transparent). Only pixels are written, so EXIF, XMP, ICC comments and every other metadata block of the
 * original are gone.
 */
final class ImageEncoder {

    /**
     * @param blurhash the image's BlurHash, for clients to paint while the file loads; computed for thumbnails
     *                 only ({@link #writeThumbnail}): avatars have no placeholder, and a photo's is its thumbnail's
     */
    record Encoded(Path file, String extension, String contentType, int width, int height, String blurhash) {
    }

    /** Side of the copy the BlurHash is computed from: its few components need no more pixels. */
    private static final int PLACEHOLDER_SIDE = 32;

    private ImageEncoder() {
    }

    /** Fits the image into a square of {@code maxSide}, never enlarging it; the filter (orientation) may be null. */
    static BufferedImage fit(BufferedImage source, int maxSide, ImageFilter filter) throws IOException {
        boolean alpha = source.getColorModel().hasAlpha();
        Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(source)
                .imageType(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (Math.max(source.getWidth(), source.getHeight()) > maxSide) {
            builder.size(maxSide, maxSide);
        } else {
            builder.scale(1.0);
        }
        if (filter != null) {
            builder.addFilter(filter);
        }
        BufferedImage fitted = builder.asBufferedImage();
        return alpha && !hasTransparentPixel(fitted) ? opaque(fitted) : fitted;
    }

    /** The thumbnail of a photo or video, with the BlurHash of the media it stands for. */
    static Encoded writeThumbnail(BufferedImage image, float jpegQuality) throws IOException {
        Encoded written = write(image, jpegQuality);
        return new Encoded(written.file(), written.extension(), written.contentType(), written.width(),
                written.height(), blurhash(image));
    }

    static Encoded write(BufferedImage image, float jpegQuality) throws IOException {
        boolean png = image.getColorModel().hasAlpha();
        Path file = Files.createTempFile("shutter-media-", png ? ".png" : ".jpg");
        try {
            if (png) {
                ImageIO.write(image, "png", file.toFile());
            } else {
                writeJpeg(image, file, jpegQuality);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Encoded(file, png ? "png" : "jpg", png ? "image/png" : "image/jpeg",
                image.getWidth(), image.getHeight(), null);
    }

    /**
     * The BlurHash of an image: 4 components along its longer side and 3 along the shorter, computed from a
     * copy at most {@value #PLACEHOLDER_SIDE} pixels wide (a few milliseconds however large the image).
     */
    static String blurhash(BufferedImage image) throws IOException {
        BufferedImage small = Math.max(image.getWidth(), image.getHeight()) <= PLACEHOLDER_SIDE ? image
                : Thumbnails.of(image).size(PLACEHOLDER_SIDE, PLACEHOLDER_SIDE).imageType(BufferedImage.TYPE_INT_RGB)
                        .asBufferedImage();
        boolean landscape = image.getWidth() >= image.getHeight();
        return BlurHash.encode(small, landscape ? 4 : 3, landscape ? 3 : 4);
    }

    private static void writeJpeg(BufferedImage image, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static boolean hasTransparentPixel(BufferedImage image) {
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int argb : row) {
                if ((argb >>> 24) != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }

    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = rgb.createGraphics();
        graphics.drawImage(image, 0, 0, null);
        graphics.dispose();
        return rgb;
    }
}
