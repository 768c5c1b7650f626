package app.shutter.chat;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.reflect.Method;

/**
 * Quarkus' graceful shutdown waits for every HTTP request to finish, and counts a WebSocket upgrade as a
 * request that never does: once one chat socket had been opened, every SIGTERM waited the whole
 * quarkus.shutdown.timeout (20 s) even after the sockets were closed. This marks the upgrade request done
 * when its connection closes, which {@link ChatConnections} makes happen as shutdown begins.
 */
@ApplicationScoped
@RegisterForReflection(targets = QuarkusRequestWrapper.class, methods = true, fields = false)
public class UpgradedRequests {

    private static final Logger LOG = Logger.getLogger(UpgradedRequests.class);
    private static final Method DONE = doneMethod();

    void install(@Observes Router router) {
        if (DONE == null) {
            return;
        }
        router.route("/chat").order(Integer.MIN_VALUE + 2).handler(ctx -> {
            if ("websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
                QuarkusRequestWrapper request = wrapper(ctx.request());
                if (request != null) {
                    ctx.request().connection().closeHandler(closed -> done(request));
                }
            }
            ctx.next();
        });
    }

    private static QuarkusRequestWrapper wrapper(HttpServerRequest request) {
        try {
            return QuarkusRequestWrapper.get(request);
        } catch (RuntimeException notWrapped) {
            return null;
        }
    }

    private static void done(QuarkusRequestWrapper request) {
        try {
            DONE.invoke(request);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Could not mark a WebSocket upgrade as done", e);
        }
    }

    private static Method doneMethod() {
        try {
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            return done;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Graceful shutdown will wait for quarkus.shutdown.timeout when chat sockets were open", e);
            return null;
        }
    }
}
