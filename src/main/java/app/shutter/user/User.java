package app.shutter.user;

import app.shutter.common.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "users")
public class User extends BaseEntity {

    public String username;
    public String email;
    @Column(name = "password_hash")
    public String passwordHash;
    public String name;
    public String bio;
    public String website;
    public String phone;
    @Column(name = "avatar_url")
    public String avatarUrl;
    @Column(name = "is_private")
    public boolean isPrivate;
    // Counters change only through atomic SQL increments (see graph.Follows), never by writing the entity.
    @Column(name = "followers_count", insertable = false, updatable = false)
    public int followersCount;
    @Column(name = "following_count", insertable = false, updatable = false)
    public int followingCount;
    @Column(name = "posts_count", insertable = false, updatable = false)
    public int postsCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    public boolean isActive() {
        return deactivatedAt == null;
    }

    public static Optional<User> findActiveByUsername(String username) {
        return find("username = ?1 and deactivatedAt is null", username).firstResultOptional();
    }

    public static Optional<User> findActiveById(long id) {
        return find("id = ?1 and deactivatedAt is null", id).firstResultOptional();
    }

    /** Login accepts a username or an email; emails are unique ignoring case. */
    public static Optional<User> findActiveByLogin(String login) {
        return find("(username = ?1 or lower(email) = lower(?2)) and deactivatedAt is null",
                login.toLowerCase(java.util.Locale.ROOT), login).firstResultOptional();
    }
}
