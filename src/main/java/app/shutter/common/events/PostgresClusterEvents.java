package app.shutter.common.events;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.agroal.api.security.SimplePassword;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@link ClusterEvents} on PostgreSQL. Publishing is {@code pg_notify} in the caller's transaction. Each
 * instance listens on one dedicated connection (outside the pool) on its own thread, and reconnects with
 * backoff when the database restarts, then tells subscribers so they can catch up from the tables.
 */
@ApplicationScoped
public class PostgresClusterEvents implements ClusterEvents {

    private static final Logger LOG = Logger.getLogger(PostgresClusterEvents.class);
    /** How the listening connection shows in pg_stat_activity. */
    public static final String APPLICATION_NAME = "shutter-cluster-events";
    private static final int POLL_MILLIS = 5_000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final long HEALTH_CHECK_NANOS = 30_000_000_000L;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The pool's own connection settings (URL, credentials, additional JDBC properties such as SSL). */
    @Inject
    AgroalDataSource dataSource;

    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    @Override
    public void publish(Channel channel, String payload) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Cluster events are published inside a transaction");
        }
        em.createNativeQuery("select pg_notify(:channel, :payload)").setParameter("channel", channel.sqlName())
                .setParameter("payload", payload).getSingleResult();
    }

    @Override
    public void subscribe(Channel channel, Subscriber subscriber) {
        subscribers.computeIfAbsent(channel.sqlName(), name -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    /** Whether this instance currently hears announcements (false while it reconnects). */
    public boolean listening() {
        return connection != null;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        // a thread of its own, not a managed pool's: it blocks on the connection for the application's life
        listener = new Thread(this::listen, "cluster-events-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly();
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        long backoff = 500;
        boolean reconnecting = false;
        while (running) {
            try {
                connect();
                if (reconnecting) {
                    LOG.info("Listening to cluster events again");
                    // the restart that cut this connection killed the pooled ones too: drop the dead ones now
                    // (each idle connection validated once) rather than let the catch-ups draw them one by one
                    dataSource.flush(AgroalDataSource.FlushMode.INVALID);
                    forEachSubscriber(null, PostgresClusterEvents::catchUp);
                }
                reconnecting = false;
                backoff = 500;
                PGConnection pg = connection.unwrap(PGConnection.class);
                long quietSince = System.nanoTime();
                while (running) {
                    PGNotification[] received = pg.getNotifications(POLL_MILLIS);
                    if (received != null && received.length > 0) {
                        for (PGNotification notification : received) {
                            dispatch(notification.getName(), notification.getParameter());
                        }
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > HEALTH_CHECK_NANOS) {
                        // a silently dropped connection only shows when something is sent on it
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("select 1");
                        }
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Cluster events connection lost (%s); reconnecting in %d ms", e.getMessage(), backoff);
                closeQuietly();
                reconnecting = true;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /**
     * Opened outside the pool (it holds session state, the LISTENs, for as long as it lives) but with the pool's
     * settings, so that what the datasource is configured with (sslmode, timeouts...) holds here too.
     */
    private void connect() throws SQLException {
        AgroalConnectionFactoryConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration();
        Properties properties = new Properties();
        properties.putAll(pool.jdbcProperties());
        if (pool.principal() != null) {
            properties.setProperty("user", pool.principal().getName());
        }
        for (Object credential : pool.credentials()) {
            if (credential instanceof SimplePassword secret) {
                properties.setProperty("password", secret.getWord());
            }
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        Connection opened = DriverManager.getConnection(pool.jdbcUrl(), properties);
        try (Statement statement = opened.createStatement()) {
            for (Channel channel : Channel.values()) {
                statement.execute("listen " + channel.sqlName());
            }
        }
        connection = opened;
    }

    /**
     * After a database restart the pool still holds dead connections, and a catch-up's first query can draw
     * one: try again (the pool has discarded it by then) instead of leaving the gap to the next poll.
     */
    private static void catchUp(Subscriber subscriber) {
        for (int attempt = 1; ; attempt++) {
            try {
                subscriber.onReconnect();
                return;
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    throw e;
                }
                LOG.debugf("Catching up after a reconnect failed (%s); trying again", e.getMessage());
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void dispatch(String channel, String payload) {
        forEachSubscriber(channel, subscriber -> subscriber.onEvent(payload));
    }

    private void forEachSubscriber(String channel, Consumer<Subscriber> action) {
        subscribers.forEach((name, list) -> {
            if (channel == null || channel.equals(name)) {
                for (Subscriber subscriber : list) {
                    try {
                        action.accept(subscriber);
                    } catch (RuntimeException e) {
                        LOG.error("A cluster event subscriber failed", e);
                    }
                }
            }
        });
    }

    private void closeQuietly() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }
}
