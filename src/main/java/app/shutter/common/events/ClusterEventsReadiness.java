package app.shutter.common.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the LISTEN connection is down: the instance would still answer REST calls, but its chat
 * sockets and notification streams would miss what other instances announce.
 */
@Readiness
@ApplicationScoped
public class ClusterEventsReadiness implements HealthCheck {

    @Inject
    PostgresClusterEvents events;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("cluster-events").status(events.listening()).build();
    }
}
