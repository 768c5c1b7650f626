package app.shutter.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives problem+json bodies to the errors Vert.x produces before any resource runs: unknown routes,
 * oversized bodies and failures on routes outside JAX-RS. By default they come back empty.
 */
@ApplicationScoped
public class RouteProblemHandlers {

    // a 413's lingering close: how long, and how much, of the refused body is read and dropped
    private static final long LINGER_MILLIS = 5_000;
    private static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

    @Inject
    ObjectMapper mapper;

    /** The bound of a whole request; only multipart uploads may come close to it. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    /** Every other body (JSON) is buffered in memory, so it gets a much smaller bound. */
    @ConfigProperty(name = "shutter.http.max-json-body-size", defaultValue = "1M")
    MemorySize maxJsonBodySize;

    void install(@Observes Router router) {
        // Quarkus's own size check (at ROUTE_ORDER_UPLOAD_LIMIT) answers with an empty body; this runs first
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredOversize);
        router.route().last().handler(ctx -> write(ctx, 404));
        // A refused WebSocket upgrade can report its authentication failure twice; the first answer stands.
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (!ctx.response().headWritten()) {
                ctx.next();
            }
        });
        for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 500, 503}) {
            router.errorHandler(status, ctx -> write(ctx, status));
        }
    }

    private void refuseDeclaredOversize(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        long limit = (multipart ? maxBodySize : maxJsonBodySize).asLongValue();
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > limit) {
            write(ctx, 413);
            return;
        }
        ctx.next();
    }

    private void write(RoutingContext ctx, int status) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        Problem problem = Problems.problem(status, Problems.defaultDetail(status), ctx.normalizedPath(), null);
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        if (status == 413) {
            // the rest of the oversized body is not read, so the connection cannot be reused
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.response().end(body).onComplete(done -> lingerThenClose(ctx));
            return;
        }
        ctx.response().end(body);
    }

    /**
     * Closing a connection whose client is still sending makes TCP reset it, and the reset discards the 413
     * before the client reads it. So what still arrives is read and dropped (up to a bound, for a while),
     * then the connection is closed: the "lingering close" of web servers.
     */
    private static void lingerThenClose(RoutingContext ctx) {
        HttpConnection connection = ctx.request().connection();
        long timer = ctx.vertx().setTimer(LINGER_MILLIS, expired -> connection.close());
        AtomicLong drained = new AtomicLong();
        try {
            ctx.request().handler(chunk -> {
                if (drained.addAndGet(chunk.length()) > MAX_DRAINED_BYTES) {
                    connection.close();
                }
            });
            ctx.request().endHandler(end -> {
                ctx.vertx().cancelTimer(timer);
                connection.close();
            });
            ctx.request().resume();
        } catch (IllegalStateException alreadyRead) {
            ctx.vertx().cancelTimer(timer);
            connection.close();
        }
    }
}
