package app.shutter.chat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Who has a chat socket open, on any instance: one chat_presence row per connection, confirmed by its
 * instance every presence-refresh and considered gone three refreshes after the last confirmation (an
 * instance killed without cleaning up).
 */
@ApplicationScoped
public class ChatPresence {

    private final String instance = UUID.randomUUID().toString();

    @Inject
    EntityManager em;

    @Inject
    ChatConfig config;

    /** @return false when this socket is over the account's bound (it already had the most allowed) */
    boolean register(String connectionId, long user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                            insert into chat_presence (connection_id, user_id, instance_id) values (:id, :user, :instance)
                            on conflict (connection_id) do update set seen_at = now()""")
                    .setParameter("id", connectionId).setParameter("user", user).setParameter("instance", instance)
                    .executeUpdate();
            // presence rows are shared, so the bound holds across instances
            Number open = (Number) em.createNativeQuery("select count(*) from " + liveRowsSql(":user"))
                    .setParameter("user", user).getSingleResult();
            return open.intValue() <= config.maxConnectionsPerUser();
        });
    }

    void remove(String connectionId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from chat_presence where connection_id = :id").setParameter("id", connectionId)
                .executeUpdate());
    }

    /** SQL: whether any instance holds a live chat connection of the user id expression {@code user}. */
    String onlineSql(String user) {
        return "exists (select 1 from " + liveRowsSql(user) + ")";
    }

    /** SQL: the confirmed (not stale) presence rows of the user id expression {@code user}. */
    private String liveRowsSql(String user) {
        return "chat_presence where user_id = " + user + " and seen_at > now() - " + staleSeconds()
                + " * interval '1 second'";
    }

    @Scheduled(every = "${shutter.chat.presence-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update chat_presence set seen_at = now() where instance_id = :instance")
                    .setParameter("instance", instance).executeUpdate();
            // rows of instances that died without removing them
            em.createNativeQuery("delete from chat_presence where seen_at < now() - :seconds * interval '1 second'")
                    .setParameter("seconds", 10 * config.presenceRefresh().toSeconds()).executeUpdate();
        });
    }

    private long staleSeconds() {
        return 3 * config.presenceRefresh().toSeconds();
    }
}
