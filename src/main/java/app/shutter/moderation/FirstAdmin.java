package app.shutter.moderation;

import app.shutter.auth.SessionService;
import app.shutter.user.AdminConfig;
import app.shutter.user.UserService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Makes the configured account (SHUTTER_ADMIN_USERNAME) an admin at startup; one that registers later is
 * made one at registration (UserService). Its sessions end, so that its next login carries the role.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    @Inject
    AdminConfig config;

    @Inject
    UserService users;

    @Inject
    SessionService sessions;

    void onStart(@Observes StartupEvent event) {
        config.username().ifPresent(this::promote);
    }

    /** Makes the account an admin unless it is one, ending its sessions. */
    @Transactional
    void promote(String username) {
        users.makeAdmin(username).ifPresent(id -> {
            sessions.endAllOf(id, null);
            LOG.infof("Account %d (%s) is an admin now", id, username);
        });
    }
}
