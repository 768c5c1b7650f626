package app.shutter.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web client is static files under /app/ (META-INF/resources/app: plain ES modules, so Maven alone builds
 * it); its pages route with #/ fragments, so API paths and "unknown route: 404 problem" stay as they are. The
 * root sends a browser there.
 */
@ApplicationScoped
public class WebClientRoutes {

    void install(@Observes Router router) {
        router.get("/").handler(ctx -> ctx.redirect("/app/"));
        // Vert.x matches "/app" for "/app/" too: only the path without the slash is sent on
        router.get("/app").handler(ctx -> {
            if (ctx.request().path().equals("/app")) {
                ctx.redirect("/app/");
            } else {
                ctx.next();
            }
        });
    }
}
