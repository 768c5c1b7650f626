package app.shutter.media;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes stored files that no row points to: what a crash between storing a file and committing its row left
 * behind (a failed transaction removes its files itself). Only files older than the grace period are
 * considered, far longer than any upload's transaction, so a file whose row is still on its way is never
 * taken; files a moderator's removal keeps for review (media_deletions) stay until that job deletes them. The
 * store is listed outside any transaction and each batch of names is checked in one statement against the
 * tables of media ({@link MediaColumns}) and avatars. Instances that sweep at the same time find the same
 * orphans and delete them twice, which is harmless: deleting a missing file does nothing.
 */
@ApplicationScoped
public class MediaSweep {

    private static final Logger LOG = Logger.getLogger(MediaSweep.class);
    private static final int BATCH = 500;

    /** The names among :names that no row holds: each a probe of the indexes of V28 and media_deletions' key. */
    private static final String UNREFERENCED = """
            select n.name from unnest(cast(string_to_array(:names, ',') as text[])) as n (name)
            where not exists (select 1 from post_media m where m.file = n.name)
              and not exists (select 1 from post_media m where m.thumbnail_file = n.name)
              and not exists (select 1 from stories s where s.file = n.name)
              and not exists (select 1 from stories s where s.thumbnail_file = n.name)
              and not exists (select 1 from users u where u.avatar_file = n.name)
              and not exists (select 1 from media_deletions d where d.file = n.name)""";

    @Inject
    MediaStorage storage;

    @Inject
    MediaConfig config;

    @Inject
    EntityManager em;

    @Scheduled(identity = "media-sweep", every = "${shutter.media.sweep-every:6h}", delayed = "10m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (IOException e) {
            LOG.warnf("The media sweep could not list the store: %s", e.toString());
        }
    }

    /** @return how many files were removed */
    public int run() throws IOException {
        Instant before = Instant.now().minus(config.sweepGrace());
        int removed = 0;
        List<String> batch = new ArrayList<>();
        try (Stream<MediaStorage.StoredFile> files = storage.stored()) {
            for (MediaStorage.StoredFile file : (Iterable<MediaStorage.StoredFile>) files::iterator) {
                if (file.storedAt().isBefore(before)) {
                    batch.add(file.name());
                    if (batch.size() == BATCH) {
                        removed += sweep(batch);
                        batch.clear();
                    }
                }
            }
        }
        removed += sweep(batch);
        if (removed > 0) {
            LOG.infof("Removed %d stored media files that no row pointed to", removed);
        }
        return removed;
    }

    private int sweep(List<String> names) {
        if (names.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<String> orphans = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(UNREFERENCED)
                .setParameter("names", String.join(",", names)).getResultList());
        storage.delete(orphans);
        return orphans.size();
    }
}
