package app.shutter.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Tells ISO base media files (MP4, QuickTime) apart from everything else by their first box. Images are
 * recognised by ImageIO's own readers instead (see {@link ImageProcessor}); the declared Content-Type and
 * the file name are never consulted.
 */
final class ContentSniffer {

    enum Kind { VIDEO, STILL_IMAGE_CONTAINER, OTHER }

    /** HEIF/AVIF photos share the MP4 container but are images we do not accept. */
    private static final Set<String> IMAGE_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx",
            "mif1", "msf1", "avif", "avis");
    /** First boxes of older QuickTime files that have no ftyp. */
    private static final Set<String> QUICKTIME_FIRST_BOXES = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");

    private ContentSniffer() {
    }

    static Kind sniff(Path file) throws IOException {
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read < 12) {
            return Kind.OTHER;
        }
        String box = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
        if (box.equals("ftyp")) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            return IMAGE_BRANDS.contains(brand) ? Kind.STILL_IMAGE_CONTAINER : Kind.VIDEO;
        }
        return QUICKTIME_FIRST_BOXES.contains(box) ? Kind.VIDEO : Kind.OTHER;
    }
}
