package app.shutter.media;

import app.shutter.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.containers.mp4.MP4Util;
import org.jcodec.containers.mp4.boxes.MovieBox;
import org.jcodec.containers.mp4.boxes.MovieFragmentBox;
import org.jcodec.containers.mp4.boxes.TrackHeaderBox;
import org.jcodec.containers.mp4.boxes.TrakBox;
import org.jcodec.movtool.InplaceMP4Editor;
import org.jcodec.movtool.MP4Edit;
import org.jcodec.scale.AWTUtil;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Checks MP4/QuickTime uploads with JCodec: the container must parse and hold a video track. User data
 * and metadata boxes (udta, meta: where ©xyz and the Apple location keys live) are removed in place, and
 * the first frame becomes the thumbnail when JCodec can decode the codec (H.264); otherwise there is none.
 */
@ApplicationScoped
public class VideoProcessor {

    private static final Logger LOG = Logger.getLogger(VideoProcessor.class);
    private static final String[] METADATA_BOXES = {"udta", "meta"};

    @Inject
    MediaConfig config;

    ProcessedMedia process(Path upload, MediaPurpose purpose, String part) throws IOException {
        Path copy = Files.createTempFile("shutter-video-", ".tmp");
        try {
            Files.copy(upload, copy, StandardCopyOption.REPLACE_EXISTING);
            MP4Util.Movie movie = parse(copy, part);
            TrakBox track = movie.getMoov().getVideoTrack();
            if (track == null || track.getTrackHeader() == null) {
                throw ApiException.unsupportedMediaType(part + " has no video track; send " + purpose.accepted());
            }
            TrackHeaderBox header = track.getTrackHeader();
            boolean quarterTurn = isQuarterTurn(header.getMatrix());
            int width = Math.round(quarterTurn ? header.getHeight() : header.getWidth());
            int height = Math.round(quarterTurn ? header.getWidth() : header.getHeight());
            if ((long) width * height > config.maxPixels()) {
                throw ApiException.unprocessable(part + " is " + width + "x" + height + " pixels; at most "
                        + config.maxPixels() + " are accepted");
            }
            MovieBox moov = movie.getMoov();
            long duration = moov.getTimescale() > 0 ? moov.getDuration() * 1000 / moov.getTimescale() : 0;
            stripMetadata(copy, part);
            boolean mov = "qt  ".equals(movie.getFtyp() == null ? "qt  " : movie.getFtyp().getMajorBrand());
            ImageEncoder.Encoded thumbnail = purpose.thumbnail() ? thumbnail(copy) : null;
            return new ProcessedMedia(MediaType.VIDEO, copy, mov ? "mov" : "mp4", mov ? "video/quicktime" : "video/mp4",
                    width, height, duration, thumbnail, thumbnail == null ? MediaColumns.NO_BLURHASH : thumbnail.blurhash());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    /** The container must parse and every top-level box must lie whole inside the file (no truncation). */
    private static MP4Util.Movie parse(Path file, String part) {
        try (SeekableByteChannel channel = NIOUtils.readableChannel(file.toFile())) {
            long end = 0;
            for (MP4Util.Atom atom : MP4Util.getRootAtoms(channel)) {
                end = Math.max(end, atom.getOffset() + atom.getHeader().getSize());
            }
            channel.setPosition(0);
            MP4Util.Movie movie = end <= channel.size() ? MP4Util.parseFullMovieChannel(channel) : null;
            if (movie != null && movie.getMoov() != null) {
                return movie;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "Unparseable video in %s", part);
        }
        throw ApiException.unprocessable(part + " looks like an MP4/QuickTime video but its structure could not"
                + " be read (truncated or corrupt)");
    }

    /** Rewrites the moov box in place (it only shrinks; the freed bytes become a 'free' box). */
    private static void stripMetadata(Path file, String part) throws IOException {
        MP4Edit removeMetadata = new MP4Edit() {
            @Override
            public void apply(MovieBox moov) {
                moov.removeChildren(METADATA_BOXES);
                for (TrakBox trak : moov.getTracks()) {
                    trak.removeChildren(METADATA_BOXES);
                }
            }

            @Override
            public void applyToFragment(MovieBox moov, MovieFragmentBox[] fragments) {
                apply(moov);
                for (MovieFragmentBox fragment : fragments) {
                    fragment.removeChildren(METADATA_BOXES);
                }
            }
        };
        boolean edited;
        try {
            edited = new InplaceMP4Editor().modify(file.toFile(), removeMetadata);
        } catch (RuntimeException e) {
            edited = false;
        }
        if (!edited) {
            throw ApiException.unprocessable(part + ": the video's metadata could not be removed safely");
        }
        blankFreeSpace(file);
    }

    /** The editor leaves the old bytes (the location too) inside the 'free' box it pads with: zero them. */
    private static void blankFreeSpace(Path file) throws IOException {
        try (SeekableByteChannel channel = NIOUtils.rwChannel(file.toFile())) {
            for (MP4Util.Atom atom : MP4Util.getRootAtoms(channel)) {
                String type = atom.getHeader().getFourcc();
                if ("free".equals(type) || "skip".equals(type)) {
                    channel.setPosition(atom.getOffset() + atom.getHeader().headerSize());
                    ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(atom.getHeader().getBodySize(), 1 << 20));
                    for (long left = atom.getHeader().getBodySize(); left > 0; left -= zeros.capacity()) {
                        zeros.clear().limit((int) Math.min(left, zeros.capacity()));
                        channel.write(zeros);
                    }
                }
            }
        }
    }

    private ImageEncoder.Encoded thumbnail(Path file) {
        try (SeekableByteChannel channel = NIOUtils.readableChannel(file.toFile())) {
            PictureWithMetadata frame = FrameGrab.createFrameGrab(channel).getNativeFrameWithMetadata();
            if (frame == null || frame.getPicture() == null) {
                return null;
            }
            BufferedImage image = AWTUtil.toBufferedImage(frame.getPicture(), frame.getOrientation());
            return ImageEncoder.writeThumbnail(ImageEncoder.fit(image, config.thumbnailMaxSide(), null),
                    config.jpegQuality());
        } catch (Exception e) {
            // codecs JCodec cannot decode (HEVC, ProRes...) simply get no thumbnail
            LOG.debugf(e, "No thumbnail for video %s", file.getFileName());
            return null;
        }
    }

    /** A track matrix of (0, ±1, ∓1, 0) turns the picture by 90° or 270°: portrait phone videos. */
    private static boolean isQuarterTurn(int[] matrix) {
        return matrix != null && matrix.length >= 4 && matrix[0] == 0 && matrix[1] != 0;
    }
}
