package app.shutter.auth;

import app.shutter.common.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "sessions")
public class Session extends BaseEntity {

    @Column(name = "user_id")
    public Long userId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "last_refreshed_at")
    public Instant lastRefreshedAt;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "client_network")
    public String clientNetwork;

    public boolean isLive(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    /** Revoked after {@code since}: what the revocation cache has to know about. */
    public static List<Session> revokedSince(Instant since) {
        return list("revokedAt > ?1", since);
    }
}
