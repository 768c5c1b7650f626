package app.shutter.media;

import app.shutter.common.persistence.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Gives media stored before placeholders existed their BlurHash, a bounded share per run so that a large backlog
 * is worked off over hours instead of competing with requests for the database and the cores: batches of rows
 * read without a lock, files decoded outside any transaction (the thumbnail where there is one: its pixels make
 * the same placeholder for a fraction of the decoding), each batch written by one statement and only where the
 * column is still null. Two instances may compute the same row (wasted work, same result); a file that cannot
 * be read gets {@link MediaColumns#NO_BLURHASH} so it is not tried again, and is counted in the run's one log line.
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

    @Inject
    MediaConfig config;

    @Scheduled(identity = "placeholder-backfill", every = "${shutter.media.placeholder-backfill-every:1m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** @return how many rows got a value (at most {@link MediaConfig#placeholderBackfillPerRun()}) */
    public int run() {
        return run(config.placeholderBackfillPerRun());
    }

    /** @return how many rows got a value, at most {@code limit} */
    public int run(int limit) {
        Outcome outcome = new Outcome();
        for (String table : TABLES) {
            long after = 0;
            int size = Math.min(BATCH, limit - outcome.written);
            while (size > 0) {
                long from = after;
                int batch = size;
                List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> Rows.list(em.createNativeQuery(
                        "select id, type, file, thumbnail_file from " + table + " where blurhash is null and id > :after"
                                + " order by id limit " + batch, Tuple.class).setParameter("after", from)));
                Map<Long, String> hashes = new LinkedHashMap<>();
                for (Tuple row : rows) {
                    after = Rows.id(row, "id");
                    hashes.put(after, blurhash(row, outcome));
                }
                outcome.written += write(table, hashes);
                size = rows.size() < size ? 0 : Math.min(BATCH, limit - outcome.written);
            }
        }
        if (outcome.written > outcome.unreadable) {
            LOG.infof("Computed %d media placeholders", outcome.written - outcome.unreadable);
        }
        if (outcome.unreadable > 0) {
            LOG.warnf("%d media files could not be read for a placeholder (first: %s); they get none",
                    outcome.unreadable, outcome.firstUnreadable);
        }
        return outcome.written;
    }

    private static final class Outcome {
        int written;
        int unreadable;
        String firstUnreadable;
    }

    /** One statement for the batch: {@code update ... from (values (:id0, :hash0), ...)}. */
    private int write(String table, Map<Long, String> hashes) {
        if (hashes.isEmpty()) {
            return 0;
        }
        String values = IntStream.range(0, hashes.size()).mapToObj(i -> "(cast(:id" + i + " as bigint), cast(:hash" + i
                + " as text))").collect(Collectors.joining(", "));
        return QuarkusTransaction.requiringNew().call(() -> {
            Query update = em.createNativeQuery("update " + table + " t set blurhash = v.hash from (values " + values
                    + ") as v(id, hash) where t.id = v.id and t.blurhash is null");
            int i = 0;
            for (Map.Entry<Long, String> hash : hashes.entrySet()) {
                update.setParameter("id" + i, hash.getKey()).setParameter("hash" + i, hash.getValue());
                i++;
            }
            return update.executeUpdate();
        });
    }

    /** From the thumbnail (or the image when it has none); none for a video without one or a file that cannot be read. */
    private String blurhash(Tuple row, Outcome outcome) {
        String thumbnail = Rows.text(row, "thumbnail_file");
        String name = thumbnail != null ? thumbnail
                : MediaType.of(Rows.text(row, "type")) == MediaType.IMAGE ? Rows.text(row, "file") : null;
        if (name == null) {
            return MediaColumns.NO_BLURHASH;
        }
        try (InputStream in = storage.open(name)) {
            BufferedImage image = ImageIO.read(in);
            if (image != null) {
                return ImageEncoder.blurhash(image);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("No placeholder for media file %s: %s", name, e);
        }
        if (outcome.unreadable++ == 0) {
            outcome.firstUnreadable = name;
        }
        return MediaColumns.NO_BLURHASH;
    }
}
