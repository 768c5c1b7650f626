package app.shutter.common.events;

import java.util.Locale;

/**
 * Announcements to every server instance sharing the database (this one included), through PostgreSQL
 * LISTEN/NOTIFY: an announcement made inside a transaction is delivered only if and after it commits.
 * Payloads are small (PostgreSQL caps them at 8000 bytes): ids, or a finished chat frame that fits.
 */
public interface ClusterEvents {

    enum Channel {
        NOTIFICATIONS, SESSIONS, CHAT;

        public String sqlName() {
            return "shutter_" + name().toLowerCase(Locale.ROOT);
        }
    }

    interface Subscriber {

        /** Called on the listener's thread: hand long work to another thread. */
        void onEvent(String payload);

        /** The listening connection was re-established: announcements may have been missed meanwhile. */
        default void onReconnect() {
        }
    }

    /** Must run inside a transaction; delivered after its commit, dropped on rollback. */
    void publish(Channel channel, String payload);

    void subscribe(Channel channel, Subscriber subscriber);
}
