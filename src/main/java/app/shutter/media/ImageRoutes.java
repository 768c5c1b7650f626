package app.shutter.media;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Serves media at /images/ without authentication (names are unguessable). From the local folder, Vert.x's
 * static handler brings HEAD, Range (for video seeking) and the content type from the extension, which
 * the server chose itself; from an S3 store, {@link S3ImageRoutes} redirects or streams the object.
 */
@ApplicationScoped
public class ImageRoutes {

    /** Names never change content, so caches may keep them for a year. */
    static final String CACHE_CONTROL = S3Uploads.CACHE_CONTROL;
    /** Nothing in a media file may run or load anything, even if a browser opens it as a document. */
    static final String CSP = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";

    /** The only extensions the server writes. */
    static final Map<String, String> CONTENT_TYPES = Map.of("jpg", "image/jpeg", "png", "image/png",
            "mp4", "video/mp4", "mov", "video/quicktime");

    @Inject
    LocalDiskStorage storage;

    @Inject
    MediaConfig config;

    @Inject
    S3ImageRoutes s3Routes;

    void install(@Observes Router router) {
        if (config.store() == MediaConfig.Store.S3) {
            s3Routes.install(router);
            return;
        }
        StaticHandler files = StaticHandler.create(FileSystemAccess.ROOT, storage.directory().toString())
                .setCachingEnabled(false)
                .setDirectoryListing(false)
                .setIncludeHidden(false)
                .setEnableRangeSupport(true)
                .setSendVaryHeader(false);
        String path = LocalDiskStorage.URL_PREFIX + "*";
        router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::headers).handler(files);
        // a missing file falls through to the catch-all 404; other methods on existing paths are 405
        router.route(path).handler(ctx -> {
            HttpMethod method = ctx.request().method();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                ctx.next();
            } else {
                ctx.fail(405);
            }
        });
    }

    private void headers(RoutingContext ctx) {
        ctx.response().putHeader("X-Content-Type-Options", "nosniff");
        ctx.addHeadersEndHandler(ignored -> {
            int status = ctx.response().getStatusCode();
            if (status == 200 || status == 206 || status == 304) {
                // Vert.x leaves it out of HEAD answers
                String type = CONTENT_TYPES.get(extension(ctx.normalizedPath()));
                if (type != null) {
                    ctx.response().putHeader("Content-Type", type);
                }
                ctx.response().putHeader("Cache-Control", CACHE_CONTROL)
                        .putHeader("Content-Security-Policy", CSP)
                        .putHeader("Cross-Origin-Resource-Policy", "cross-origin");
            }
        });
        ctx.next();
    }

    static String extension(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
