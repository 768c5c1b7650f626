package app.shutter.auth;

import app.shutter.common.events.ClusterEvents;
import app.shutter.common.persistence.AdvisoryLocks;
import app.shutter.common.security.SessionRevocations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/** Keeps {@link SessionRevocations} current on this instance and cleans up old sessions. */
@ApplicationScoped
public class RevocationSync {

    private static final Logger LOG = Logger.getLogger(RevocationSync.class);
    // revoked_at is the revoking transaction's start time; looking back this far covers late commits
    private static final Duration POLL_OVERLAP = Duration.ofMinutes(1);
    static final String CLEANUP_LOCK = "shutter.session-cleanup";

    @Inject
    EntityManager em;

    @Inject
    SessionRevocations revocations;

    @Inject
    AuthConfig config;

    @Inject
    ClusterEvents events;

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    private volatile Instant lastPoll;

    /** Tells every instance, after commit, to load the revocations (ids could exceed a payload's size). */
    void announce(@Observes(during = TransactionPhase.IN_PROGRESS) SessionsRevoked event) {
        events.publish(ClusterEvents.Channel.SESSIONS, "");
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsRevoked event) {
        Instant forgetAfter = forgetAfter(event.revokedAt());
        event.sessionIds().forEach(id -> revocations.revoke(id, forgetAfter));
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        Instant now = Instant.now();
        load(now.minus(tokenLifetime()));
        lastPoll = now;
        events.subscribe(ClusterEvents.Channel.SESSIONS, new ClusterEvents.Subscriber() {
            @Override
            public void onEvent(String payload) {
                QuarkusTransaction.requiringNew().run(RevocationSync.this::poll);
            }

            @Override
            public void onReconnect() {
                onEvent("");
            }
        });
    }

    /** Revocations made by other instances sharing the database reach this one within a few seconds. */
    @Scheduled(every = "${shutter.auth.revocation-poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    synchronized void poll() {
        Instant now = Instant.now();
        Instant since = lastPoll == null ? now.minus(tokenLifetime()) : lastPoll.minus(POLL_OVERLAP);
        load(since);
        lastPoll = now;
        revocations.forgetExpired(now);
    }

    /** Every instance is scheduled; one at a time deletes, the others skip the round (docs/architecture.md). */
    @Scheduled(identity = "session-cleanup", every = "1h", delayed = "1m")
    @Transactional
    void deleteExpiredSessions() {
        if (!AdvisoryLocks.tryForTransaction(em, CLEANUP_LOCK)) {
            return;
        }
        Instant now = Instant.now();
        long tokens = RefreshToken.delete("expiresAt < ?1", now);
        long sessions = Session.delete("expiresAt < ?1 or revokedAt < ?2", now, now.minus(tokenLifetime()));
        // changes of address whose code expired unconfirmed, or whose undo link expired (a small table)
        int changes = em.createNativeQuery("delete from email_changes where undo_expires_at < now()"
                + " or (confirmed_at is null and code_expires_at < now())").executeUpdate();
        int challenges = em.createNativeQuery("delete from login_challenges where expires_at < now()").executeUpdate();
        LOG.debugf("Deleted %d expired refresh tokens, %d ended sessions, %d old email changes and %d login challenges",
                tokens, sessions, changes, challenges);
    }

    private void load(Instant since) {
        for (Session session : Session.revokedSince(since)) {
            revocations.revoke(session.id, forgetAfter(session.revokedAt));
        }
    }

    private Instant forgetAfter(Instant revokedAt) {
        return revokedAt.plus(tokenLifetime());
    }

    private Duration tokenLifetime() {
        return config.accessTokenTtl().plusSeconds(clockSkewSeconds);
    }
}
