package app.shutter.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, taken from a proxy's X-Request-Id when it is sane, echoed in the response and
 * put in the logging context (each log line of the request carries it; JSON logs as "requestId").
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String given = ctx.request().getHeader(HEADER);
            String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.response().putHeader(HEADER, id);
            MDC.put("requestId", id);
            ctx.addEndHandler(done -> MDC.remove("requestId"));
            ctx.next();
        });
    }
}
