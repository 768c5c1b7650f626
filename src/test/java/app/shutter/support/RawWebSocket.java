package app.shutter.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that writes frames byte by byte, for what well-behaved clients cannot send (text frames
 * that are not UTF-8, single frames of any size), and reports how the server ended the connection.
 */
public final class RawWebSocket implements AutoCloseable {

    /** The connection ended without a close frame (what a client reports as 1006). */
    public static final int NO_CLOSE_FRAME = 1006;
    private int pongs;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** @param http the endpoint's http:// URL; the token goes in the query as clients send it */
    public static RawWebSocket connect(URI http, String token) throws IOException {
        RawWebSocket ws = new RawWebSocket(new Socket(http.getHost(), http.getPort()));
        ws.socket.setSoTimeout(20_000);
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        ws.out.write(("GET " + http.getPath() + "?token=" + token + " HTTP/1.1\r\nHost: " + http.getHost() + ":"
                + http.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String status = ws.line();
        if (!status.contains(" 101 ")) {
            throw new IOException("upgrade refused: " + status);
        }
        while (!ws.line().isEmpty()) {
            // response headers
        }
        return ws;
    }

    /** Sends one final text frame carrying exactly these bytes (masked, as clients must). */
    public RawWebSocket sendText(byte[] payload) throws IOException {
        return sendFrame(0x1, true, payload);
    }

    /** Sends one text message cut into frames of {@code size} bytes (a text frame, then continuations). */
    public RawWebSocket sendFragmented(byte[] message, int size) throws IOException {
        for (int from = 0; from < message.length; from += size) {
            int to = Math.min(message.length, from + size);
            sendFrame(from == 0 ? 0x1 : 0x0, to == message.length, java.util.Arrays.copyOfRange(message, from, to));
        }
        return this;
    }

    /** Sends one frame of any opcode (0x1 text, 0x2 binary, 0x0 continuation, ...) carrying exactly these bytes. */
    public RawWebSocket sendFrame(int opcode, boolean last, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((last ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            // the server may close while a large frame is still being written; the close code tells why
        }
        return this;
    }

    /** Reads the next frame, which must be a text frame, as UTF-8 (pongs before it are counted, not returned). */
    public String nextText() throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            byte[] payload = payload();
            if (opcode == 0xA) {
                pongs++;
            } else if (opcode == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            } else {
                throw new IOException("expected a text frame, got opcode " + opcode);
            }
        }
    }

    /** Pongs read so far by {@link #nextText()}. */
    public int pongs() {
        return pongs;
    }

    /** Reads frames until the server's close frame and answers its status code, or 1006 if none came. */
    public int closeCode() throws IOException {
        try {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                byte[] payload = payload();
                if (opcode == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
            }
        } catch (EOFException | java.net.SocketException e) {
            return NO_CLOSE_FRAME;
        }
    }

    private byte[] payload() throws IOException {
        long length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return payload;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
