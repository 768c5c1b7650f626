package app.shutter.media;

import app.shutter.common.persistence.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Gives media stored before placeholders existed their BlurHash: a batch of rows at a time from each table of
 * media ({@link MediaColumns}), read without a lock, files decoded outside any transaction, each hash written
 * only where the column is still null. Two instances may compute the same row (wasted work, same result);
 * a file that cannot be read gets {@link MediaColumns#NO_BLURHASH} so it is not tried again.
 */
@ApplicationScoped
public class PlaceholderBackfill {

    private static final Logger LOG = Logger.getLogger(PlaceholderBackfill.class);

    /** The tables that keep {@link MediaColumns}. */
    private static final List<String> TABLES = List.of("post_media", "stories");

    private static final int BATCH = 50;

    @Inject
    EntityManager em;

    @Inject
    MediaStorage storage;

    @Scheduled(identity = "placeholder-backfill", every = "${shutter.media.placeholder-backfill-every:1m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** @return how many rows got a value */
    public int run() {
        int total = 0;
        for (String table : TABLES) {
            long after = 0;
            List<Tuple> rows;
            do {
                long from = after;
                rows = QuarkusTransaction.requiringNew().call(() -> Rows.list(em.createNativeQuery(
                        "select id, type, file, thumbnail_file from " + table + " where blurhash is null and id > :after"
                                + " order by id limit " + BATCH, Tuple.class).setParameter("after", from)));
                for (Tuple row : rows) {
                    after = Rows.id(row, "id");
                    total += write(table, after, blurhash(row));
                }
            } while (rows.size() == BATCH);
        }
        if (total > 0) {
            LOG.infof("Computed %d media placeholders", total);
        }
        return total;
    }

    private int write(String table, long id, String blurhash) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update " + table
                        + " set blurhash = :hash where id = :id and blurhash is null")
                .setParameter("hash", blurhash).setParameter("id", id).executeUpdate());
    }

    /** From the image, or a video's thumbnail; none for a video without one or a file that cannot be read. */
    private String blurhash(Tuple row) {
        String name = MediaType.of(Rows.text(row, "type")) == MediaType.IMAGE ? Rows.text(row, "file")
                : Rows.text(row, "thumbnail_file");
        if (name == null) {
            return MediaColumns.NO_BLURHASH;
        }
        try (InputStream in = storage.open(name)) {
            BufferedImage image = ImageIO.read(in);
            return image == null ? MediaColumns.NO_BLURHASH : ImageEncoder.blurhash(image);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("No placeholder for media file %s: %s", name, e.toString());
            return MediaColumns.NO_BLURHASH;
        }
    }
}
