package app.shutter.support;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Small real media files, generated on the fly or read from src/test/resources/media. */
public final class MediaSamples {

    public static final double LATITUDE = 48.8584;
    public static final double LONGITUDE = 2.2945;

    private MediaSamples() {
    }

    /** A picture whose left half is red and right half blue, so rotation shows in the pixels. */
    public static BufferedImage halves(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(halves(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    /** A JPEG as a phone writes it: camera make, GPS position and an orientation tag (6 = rotate 90° clockwise). */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            TiffOutputDirectory root = exif.getOrCreateRootDirectory();
            root.add(TiffTagConstants.TIFF_TAG_MAKE, "ShutterTestCam");
            root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            exif.setGpsInDegrees(LONGITUDE, LATITUDE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG whose top-left quarter is fully transparent. */
    public static byte[] transparentPng(int width, int height) {
        BufferedImage image = halves(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height / 2; y++) {
            for (int x = 0; x < width / 2; x++) {
                image.setRGB(x, y, 0);
            }
        }
        return encode(image, "png");
    }

    public static byte[] opaquePng(int width, int height) {
        return encode(halves(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] gif(int width, int height) {
        return encode(halves(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    public static byte[] truncated(byte[] file) {
        return Arrays.copyOf(file, file.length * 2 / 3);
    }

    /**
     * A valid 30000 x 30000 one-bit PNG of about 100 KB: decoding it would take 900 million pixels
     * (gigabytes of memory), while its header is a few bytes.
     */
    public static byte[] pixelBomb() {
        int side = 30_000;
        ByteBuffer header = ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] row = new byte[1 + (side + 7) / 8]; // filter byte + packed bits, all zero
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        for (int y = 0; y < side; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** Fixture files made with ffmpeg/cwebp (see src/test/resources/media/README.md). */
    public static byte[] resource(String name) {
        try (InputStream in = MediaSamples.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
