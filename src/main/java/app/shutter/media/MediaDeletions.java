package app.shutter.media;

import app.shutter.common.persistence.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Files whose rows are gone but which are kept for a grace period (what a moderator removed stays reviewable),
 * then deleted. Every instance runs the job; batches are claimed with {@code FOR UPDATE SKIP LOCKED}, and a
 * file is deleted from storage before its row goes, so a crash in between deletes it again, harmlessly.
 */
@ApplicationScoped
public class MediaDeletions {

    private static final int BATCH = 100;

    @Inject
    EntityManager em;

    @Inject
    MediaStorage storage;

    @ConfigProperty(name = "shutter.moderation.removal-grace", defaultValue = "30d")
    Duration grace;

    /** Schedules the files' deletion after the grace period, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAfterGrace(Collection<String> files) {
        if (files.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        insert into media_deletions (file, due_at)
                        select f, now() + make_interval(secs => :grace) from unnest(string_to_array(:files, '/')) f
                        on conflict (file) do nothing""")
                .setParameter("grace", (double) grace.toSeconds()).setParameter("files", String.join("/", files))
                .executeUpdate();
    }

    @Scheduled(every = "${shutter.media.deletions-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void deleteDue() {
        while (QuarkusTransaction.requiringNew().call(this::deleteBatch) == BATCH) {
            // a full batch: there may be more due
        }
    }

    private int deleteBatch() {
        List<Tuple> due = Rows.list(em.createNativeQuery("""
                        select file from media_deletions where due_at <= now()
                        order by due_at limit :batch for update skip locked""", Tuple.class)
                .setParameter("batch", BATCH));
        List<String> files = due.stream().map(row -> Rows.text(row, "file")).toList();
        if (!files.isEmpty()) {
            storage.delete(files);
            em.createNativeQuery("delete from media_deletions where file in (:files)").setParameter("files", files)
                    .executeUpdate();
        }
        return files.size();
    }
}
