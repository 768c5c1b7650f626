package app.shutter.chat;

import java.nio.charset.StandardCharsets;

/**
 * Payloads of the chat channel: {@code m:<messageId>:<sender>:<recipient>:<origin connection>:<message frame>}
 * for a new message, {@code r:<reader>:<other>:<upToId>} when a reader marked the other side's messages read.
 * The message frame rides along so that no instance has to read the row back; it is left out (receivers then
 * read the row) when it would not fit PostgreSQL's 8000-byte payload. For a message, {@code first} is its id,
 * {@code second} the sender and {@code third} the recipient.
 */
record ChatAnnouncement(char kind, long first, long second, long third, String origin, String frame) {

    static final int MAX_PAYLOAD_BYTES = 7999;

    static String message(ChatFrames.Message message, String origin, String frame) {
        String ids = "m:" + message.id() + ":" + message.senderId() + ":" + message.recipientId() + ":"
                + (origin == null ? "" : origin);
        String whole = ids + ":" + frame;
        // UTF-8 is at most 3 bytes per UTF-16 unit: only count bytes when that bound is over the limit
        boolean fits = whole.length() * 3 <= MAX_PAYLOAD_BYTES
                || whole.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES;
        return fits ? whole : ids;
    }

    static String read(long reader, long other, long upToId) {
        return "r:" + reader + ":" + other + ":" + upToId;
    }

    static ChatAnnouncement parse(String payload) {
        if (payload.startsWith("m:")) {
            String[] parts = payload.split(":", 6);
            if (parts.length < 5) {
                // m:<id>:<origin> from an instance of an earlier version (rolling deployment): read the row back
                return new ChatAnnouncement('m', Long.parseLong(parts[1]), 0, 0, parts.length > 2 ? parts[2] : "",
                        null);
            }
            return new ChatAnnouncement('m', Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    Long.parseLong(parts[3]), parts[4], parts.length > 5 ? parts[5] : null);
        }
        String[] parts = payload.split(":", 4);
        return new ChatAnnouncement('r', Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                "", null);
    }
}
