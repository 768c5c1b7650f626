package app.shutter.support;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Counts the SQL statements Hibernate prepares while a request runs. Hibernate's statistics count every thread,
 * so the scheduled jobs (the mail outbox's poll every second, cleanups) are paused meanwhile: one of them
 * falling into the window made a page of one cost a statement more than a page of twenty.
 */
public final class Statements {

    private Statements() {
    }

    public static long during(Runnable request) {
        Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
        Statistics statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        scheduler.pause();
        try {
            Thread.sleep(50); // a job that had started finishes
            statistics.clear();
            request.run();
            return statistics.getPrepareStatementCount();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            scheduler.resume();
        }
    }
}
