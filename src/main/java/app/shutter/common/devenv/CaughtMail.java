package app.shutter.common.devenv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /dev/mail?to=<address>}: the mail the embedded SMTP server caught for an address, newest first, as
 * JSON (so the Postman collection and the *IT suite can read codes). The route exists only while that server
 * runs, which is never in a production deployment (and the bean is not in a native image at all).
 */
@ApplicationScoped
@UnlessBuildProperty(name = "quarkus.native.enabled", stringValue = "true", enableIfMissing = true)
public class CaughtMail {

    private static final Logger LOG = Logger.getLogger(CaughtMail.class);

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "shutter.embedded-smtp.imap-port")
    Optional<Integer> imapPort;

    void install(@Observes Router router) {
        if (imapPort.isEmpty()) {
            return;
        }
        int port = imapPort.get();
        LOG.infof("Mail goes to the embedded SMTP server; read it at GET /dev/mail?to=<address>");
        router.get("/dev/mail").handler(ctx -> {
            String to = ctx.request().getParam("to");
            if (to == null || to.isBlank()) {
                ctx.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                                + "\"detail\":\"to (an email address) is required\"}");
                return;
            }
            ctx.vertx().executeBlocking(() -> ImapMailbox.read(port, to.trim()), false).onComplete(read -> {
                if (read.failed()) {
                    ctx.fail(read.cause());
                    return;
                }
                List<ImapMailbox.CaughtMessage> newestFirst = new ArrayList<>(read.result());
                Collections.reverse(newestFirst);
                try {
                    ctx.response().putHeader("Content-Type", "application/json")
                            .putHeader("Cache-Control", "no-store").end(json.writeValueAsString(newestFirst));
                } catch (JsonProcessingException e) {
                    ctx.fail(e);
                }
            });
        });
    }
}
