package app.shutter.chat;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * No per-frame WebSocket compression (deflate-frame, x-webkit-deflate-frame), which Vert.x offers by default and
 * Netty-based clients accept: like permessage-deflate (off through
 * quarkus.websockets-next.server.per-message-compression-supported), it keeps ~90 KB of zlib state per socket for
 * frames of ~150 bytes. WebSockets Next's own customizer writes only the per-message flag, so this one cannot
 * race it.
 */
@ApplicationScoped
public class WebSocketCompression implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setPerFrameWebSocketCompressionSupported(false);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setPerFrameWebSocketCompressionSupported(false);
    }
}
