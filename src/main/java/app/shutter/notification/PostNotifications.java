package app.shutter.notification;

import app.shutter.common.persistence.AfterCommit;
import app.shutter.common.persistence.Rows;
import app.shutter.graph.PostSubscriptions;
import app.shutter.post.PostEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * "Post" notifications to the accounts that asked for them. The post's transaction only writes a job row (one
 * statement, nothing when nobody asked), so an author with many subscribers does not hold the request; after
 * the commit one thread per instance works through the subscribers in batches, one transaction each, recording
 * how far it got. Jobs are claimed with FOR UPDATE SKIP LOCKED, so instances share them, and a crash resumes at
 * the last batch (the notifications' unique index makes a repeated batch harmless). A deleted post takes its
 * job and its notifications with it (foreign keys).
 */
@ApplicationScoped
public class PostNotifications {

    private static final Logger LOG = Logger.getLogger(PostNotifications.class);

    @Inject
    EntityManager em;

    @Inject
    Notifier notifier;

    @Inject
    PostSubscriptions subscriptions;

    @Inject
    NotificationConfig config;

    @Inject
    AfterCommit afterCommit;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "post-notifications");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    void onPublished(@Observes PostEvents.Published event) {
        int queuedJobs = em.createNativeQuery("insert into post_notification_jobs (post_id, author_id)"
                        + " select :post, :author where " + PostSubscriptions.hasSubscribersSql(":author"))
                .setParameter("post", event.postId()).setParameter("author", event.author()).executeUpdate();
        if (queuedJobs > 0) {
            afterCommit.once(PostNotifications.class, this::wake);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(2, TimeUnit.SECONDS);
    }

    /** Jobs left by an instance that stopped, or by a batch that failed. */
    @Scheduled(every = "${shutter.notifications.post-jobs-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                queued.set(false);
            }
        }
    }

    /** Works batches until no job is left to claim; a failure leaves the job for the next poll. */
    void drain() {
        queued.set(false);
        try {
            while (QuarkusTransaction.requiringNew().call(this::batch)) {
                // next batch
            }
        } catch (RuntimeException e) {
            LOG.warnf("Post notifications stopped for now: %s", e.toString());
        }
    }

    /** @return whether a job was worked on (there may be more) */
    private boolean batch() {
        List<Tuple> jobs = Rows.list(em.createNativeQuery("select post_id, author_id, after_follower"
                + " from post_notification_jobs order by created_at, post_id limit 1 for update skip locked",
                Tuple.class));
        if (jobs.isEmpty()) {
            return false;
        }
        long post = Rows.id(jobs.get(0), "post_id");
        long author = Rows.id(jobs.get(0), "author_id");
        List<Long> batch = subscriptions.subscribers(author, Rows.id(jobs.get(0), "after_follower"), config.postBatch());
        // the notifier leaves out whoever may no longer see the post (archived, made private, blocked)
        notifier.notify(NotificationType.POST, author, batch, post, null);
        if (batch.size() < config.postBatch()) {
            em.createNativeQuery("delete from post_notification_jobs where post_id = :post").setParameter("post", post)
                    .executeUpdate();
        } else {
            em.createNativeQuery("update post_notification_jobs set after_follower = :last where post_id = :post")
                    .setParameter("last", batch.get(batch.size() - 1)).setParameter("post", post).executeUpdate();
        }
        return true;
    }
}
