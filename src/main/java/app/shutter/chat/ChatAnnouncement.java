package app.shutter.chat;

/**
 * Payloads of the chat channel (ids only): {@code m:<messageId>:<origin connection>} for a new message,
 * {@code r:<reader>:<other>:<upToId>} when a reader marked the other side's messages read.
 */
record ChatAnnouncement(char kind, long first, long second, long third, String origin) {

    static String message(long messageId, String origin) {
        return "m:" + messageId + ":" + (origin == null ? "" : origin);
    }

    static String read(long reader, long other, long upToId) {
        return "r:" + reader + ":" + other + ":" + upToId;
    }

    static ChatAnnouncement parse(String payload) {
        String[] parts = payload.split(":", 4);
        if (parts[0].equals("m")) {
            return new ChatAnnouncement('m', Long.parseLong(parts[1]), 0, 0, parts.length > 2 ? parts[2] : "");
        }
        return new ChatAnnouncement('r', Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                "");
    }
}
