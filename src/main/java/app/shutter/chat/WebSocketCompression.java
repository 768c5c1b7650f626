package app.shutter.chat;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * No permessage-deflate on WebSockets. Chat frames are small JSON that compression barely shrinks, while each
 * socket that uses it keeps ~90 KB of zlib state: with 10 000 sockets exchanging messages the server's
 * resident memory went from 640 MB to 1.6 GB (docs/performance.md).
 */
@ApplicationScoped
public class WebSocketCompression implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false);
    }
}
