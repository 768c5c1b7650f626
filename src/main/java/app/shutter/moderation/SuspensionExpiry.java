package app.shutter.moderation;

import app.shutter.user.UserService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Ends suspensions whose time is up, so their accounts are seen again. Every instance runs it; the update is
 * conditional, so two at once end each suspension once. Logging in works from the end time on already.
 */
@ApplicationScoped
public class SuspensionExpiry {

    private static final Logger LOG = Logger.getLogger(SuspensionExpiry.class);

    @Inject
    UserService users;

    @Scheduled(every = "${shutter.moderation.suspension-check:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void endDue() {
        users.endSuspensionsDue().forEach(id -> LOG.infof("The suspension of account %d ended", id));
    }
}
