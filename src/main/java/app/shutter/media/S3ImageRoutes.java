package app.shutter.media;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletableFuture;

/**
 * /images/name with the S3 store, so URLs stored or cached before a deployment switched stores keep working:
 * a redirect to the object's public URL when there is one, else the object streamed through (Range and HEAD
 * included, for video seeking), with the headers the local folder's files get.
 */
@ApplicationScoped
public class S3ImageRoutes {

    private static final Logger LOG = Logger.getLogger(S3ImageRoutes.class);
    private static final int CHUNK = 64 * 1024;

    @Inject
    S3MediaStorage storage;

    void install(Router router) {
        String path = LocalDiskStorage.URL_PREFIX + "*";
        router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).blockingHandler(this::serve, false);
        router.route(path).handler(ctx -> {
            HttpMethod method = ctx.request().method();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                ctx.next();
            } else {
                ctx.fail(405);
            }
        });
    }

    private void serve(RoutingContext ctx) {
        String name = ctx.normalizedPath().substring(LocalDiskStorage.URL_PREFIX.length());
        if (!MediaNames.isName(name)) {
            ctx.next(); // the catch-all 404
            return;
        }
        if (storage.publicBase() != null) {
            ctx.response().setStatusCode(302).putHeader("Location", storage.url(name))
                    .putHeader("Cache-Control", "public, max-age=86400").end();
            return;
        }
        String range = ctx.request().getHeader("Range");
        try (ResponseInputStream<GetObjectResponse> object = storage.get(name, range == null ? null : range.trim())) {
            GetObjectResponse meta = object.response();
            HttpServerResponse response = ctx.response();
            response.setStatusCode(meta.contentRange() == null ? 200 : 206)
                    .putHeader("Content-Length", String.valueOf(meta.contentLength()))
                    .putHeader("Accept-Ranges", "bytes")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Cache-Control", ImageRoutes.CACHE_CONTROL)
                    .putHeader("Content-Security-Policy", ImageRoutes.CSP)
                    .putHeader("Cross-Origin-Resource-Policy", "cross-origin");
            String type = ImageRoutes.CONTENT_TYPES.get(ImageRoutes.extension(name));
            if (type != null) {
                response.putHeader("Content-Type", type);
            }
            if (meta.contentRange() != null) {
                response.putHeader("Content-Range", meta.contentRange());
            }
            if (ctx.request().method() == HttpMethod.HEAD) {
                response.end();
                return;
            }
            copy(object, response);
        } catch (NoSuchFileException e) {
            ctx.next();
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof software.amazon.awssdk.services.s3.model.S3Exception s3 && s3.statusCode() == 416) {
                ctx.response().setStatusCode(416).end();
                return;
            }
            LOG.warnf("Could not stream media object %s: %s", name, e.toString());
            if (!ctx.response().headWritten()) {
                ctx.response().setStatusCode(503).putHeader("Retry-After", "5").end();
            } else {
                ctx.response().reset();
            }
        }
    }

    /** Writes the object in chunks, waiting while the client's write queue is full (a slow reader). */
    private static void copy(InputStream in, HttpServerResponse response) throws IOException {
        byte[] chunk = new byte[CHUNK];
        int read;
        while ((read = in.read(chunk)) > 0) {
            response.write(Buffer.buffer(read).appendBytes(chunk, 0, read));
            if (response.writeQueueFull()) {
                CompletableFuture<Void> drained = new CompletableFuture<>();
                response.drainHandler(ignored -> drained.complete(null));
                response.closeHandler(ignored -> drained.complete(null));
                if (response.writeQueueFull()) {
                    drained.join();
                }
                if (response.closed()) {
                    return;
                }
            }
        }
        response.end();
    }
}
