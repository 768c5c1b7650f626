package app.shutter.story;

import app.shutter.common.persistence.Rows;
import app.shutter.media.MediaFiles;
import app.shutter.media.MediaUploads;
import app.shutter.user.AccountEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Deletes expired stories with their views and files, a batch per transaction. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so instances running the job at the same time split the work instead of
 * colliding; files go only after the deleting transaction commits.
 */
@ApplicationScoped
public class StoryCleanup {

    private static final Logger LOG = Logger.getLogger(StoryCleanup.class);

    @Inject
    EntityManager em;

    @Inject
    MediaUploads media;

    @Inject
    StoryConfig config;

    @Inject
    MeterRegistry metrics;

    @Scheduled(identity = "story-cleanup", every = "${shutter.stories.cleanup-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** @return how many stories were deleted */
    public int run() {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(this::deleteBatch);
            total += deleted;
        } while (deleted == config.cleanupBatch());
        if (total > 0) {
            // summed over instances, this equals the stories that expired: none is deleted twice
            metrics.counter("shutter.stories.expired.deleted").increment(total);
            LOG.debugf("Deleted %d expired stories", total);
        }
        return total;
    }

    /**
     * A deleted account's stories and files go; so do its views of and reactions to others' stories (their
     * counts follow).
     */
    void onDeactivated(@Observes AccountEvents.Deactivated event) {
        List<Tuple> rows = Rows.list(em.createNativeQuery("delete from stories where author_id = :user"
                + " returning file, thumbnail_file", Tuple.class).setParameter("user", event.userId()));
        media.deleteAfterCommit(MediaFiles.of(rows));
        em.createNativeQuery("""
                        with gone as (delete from story_views where viewer_id = :user returning story_id)
                        update stories s set view_count = s.view_count - 1 from gone where s.id = gone.story_id""")
                .setParameter("user", event.userId()).executeUpdate();
        em.createNativeQuery("delete from story_reactions where user_id = :user").setParameter("user", event.userId())
                .executeUpdate();
    }

    private int deleteBatch() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = Rows.list(em.createNativeQuery("""
                        delete from stories where id in (
                            select id from stories where expires_at <= now() order by expires_at
                            limit :batch for update skip locked)
                        returning file, thumbnail_file""", Tuple.class)
                .setParameter("batch", config.cleanupBatch()));
        media.deleteAfterCommit(MediaFiles.of(rows));
        return rows.size();
    }
}
