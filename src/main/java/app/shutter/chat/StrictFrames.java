package app.shutter.chat;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes a chat socket close as RFC 6455 asks when a client breaks the protocol: a frame over the transport's
 * limit closes with 1009 and a text frame that is not UTF-8 with 1007, each with a close frame.
 * <p>
 * Vert.x builds its frame decoder with {@code closeOnProtocolViolation(false)} and then closes the connection
 * on the decoder's error without a close frame (the client sees 1006), and it decodes text with replacement
 * characters, so invalid UTF-8 reached the endpoint as U+FFFD. Neither is configurable, and WebSockets Next
 * hands the endpoint a decoded String and its errors only after the connection is gone. So on the first bytes
 * after the upgrade, this swaps in Netty's own decoder with the same limit but closing with the right code,
 * followed by Netty's UTF-8 validator. Both sit after the frame encoder, so the close frames they write are
 * encoded on their way out.
 */
@ApplicationScoped
public class StrictFrames {

    private static final Logger LOG = Logger.getLogger(StrictFrames.class);
    /** Names Netty's handshaker gives the frame codec it installs. */
    private static final String VERTX_DECODER = "wsdecoder";
    private static final String ENCODER = "wsencoder";
    private static final String DECODER = "shutter-ws-decoder";
    private static final String UTF8 = "shutter-ws-utf8";
    private static final String MESSAGE_LIMIT = "shutter-ws-message-limit";

    private final WebSocketDecoderConfig decoder;
    private final long maxMessageSize;

    StrictFrames(@ConfigProperty(name = "quarkus.websockets-next.server.max-frame-size", defaultValue = "65536")
                 int maxFrameSize,
                 @ConfigProperty(name = "quarkus.websockets-next.server.max-message-size", defaultValue = "65536")
                 long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
        this.decoder = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(maxFrameSize)
                .expectMaskedFrames(true)
                .allowMaskMismatch(false)
                // no permessage-deflate is offered (application.properties), so no extension is negotiated
                .allowExtensions(false)
                .closeOnProtocolViolation(true)
                .build();
    }

    void install(@Observes Router router) {
        router.route("/chat").order(Integer.MIN_VALUE + 3).handler(ctx -> {
            if ("websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
                Channel channel = channel(ctx.request().connection());
                if (channel != null) {
                    channel.pipeline().addFirst(new SwapOnUpgrade());
                }
            }
            ctx.next();
        });
    }

    private static Channel channel(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            return base.channel();
        }
        LOG.debugf("Not a Netty connection (%s): chat frames keep Vert.x's decoder", connection);
        return null;
    }

    /**
     * Waits at the front of the pipeline for the first bytes read once the upgrade has installed the frame
     * decoder (a client sends no frame before the 101 answer), swaps the decoders, and steps aside. Until then
     * it passes everything on: an upgrade that is refused leaves the connection serving HTTP as before.
     */
    private final class SwapOnUpgrade extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ChannelPipeline pipeline = ctx.pipeline();
            ChannelHandler vertxDecoder = pipeline.get(VERTX_DECODER);
            if (vertxDecoder != null && pipeline.get(ENCODER) != null) {
                pipeline.addAfter(ENCODER, DECODER, new WebSocket13FrameDecoder(decoder));
                pipeline.addAfter(DECODER, UTF8, new Utf8FrameValidator(true));
                pipeline.addAfter(UTF8, MESSAGE_LIMIT, new FragmentedMessageLimit(maxMessageSize));
                pipeline.remove(vertxDecoder);
                pipeline.remove(this);
            }
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * A message sent in fragments (Java's client, for one, cuts a long text into frames of a few KiB) closes with
     * 1009 once it grows past the message limit, as a single frame over the limit does; Vert.x would fail it as an
     * internal error (1011, or a close the client reads as a protocol error). What follows the close is dropped.
     */
    private static final class FragmentedMessageLimit extends ChannelInboundHandlerAdapter {

        private final long max;
        private long size;
        private boolean closing;

        FragmentedMessageLimit(long max) {
            this.max = max;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (closing) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame
                    || msg instanceof ContinuationWebSocketFrame) {
                WebSocketFrame frame = (WebSocketFrame) msg;
                size = (frame instanceof ContinuationWebSocketFrame ? size : 0) + frame.content().readableBytes();
                if (size > max) {
                    closing = true;
                    frame.release();
                    ctx.writeAndFlush(new CloseWebSocketFrame(1009, "message too big"))
                            .addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
