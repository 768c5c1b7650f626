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
    /** The stored picture's name (its URL: {@link app.shutter.media.MediaUrls}) */
    @Column(name = "avatar_file")
    public String avatarFile;
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
    /** Set once the owner proved the address is theirs; until then it reserves nothing and logs nobody in. */
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;
    /** Since when others do not see the account: while it is deactivated or suspended (every read checks it). */
    @Column(name = "hidden_at")
    public Instant hiddenAt;
    /** Set while the account is suspended: until {@link #suspendedUntil}, or indefinitely when that is null. */
    @Column(name = "suspended_at")
    public Instant suspendedAt;
    @Column(name = "suspended_until")
    public Instant suspendedUntil;
    /** user, moderator or admin ({@link Role}); changed only by {@link UserService#changeRole}. */
    public String role = "user";

    public Role role() {
        return Role.of(role);
    }

    public boolean isActive() {
        return deactivatedAt == null;
    }

    public static Optional<User> findActiveByUsername(String username) {
        return find("username = ?1 and deactivatedAt is null", username).firstResultOptional();
    }

    /** An account others may see: neither deactivated nor suspended. */
    public static Optional<User> findVisibleByUsername(String username) {
        return find("username = ?1 and hiddenAt is null", username).firstResultOptional();
    }

    public static Optional<User> findVisibleById(long id) {
        return find("id = ?1 and hiddenAt is null", id).firstResultOptional();
    }

    public static Optional<User> findActiveById(long id) {
        return find("id = ?1 and deactivatedAt is null", id).firstResultOptional();
    }

    /** Login accepts a username or a verified email; verified emails are unique ignoring case. */
    public static Optional<User> findActiveByLogin(String login) {
        return find("(username = ?1 or (lower(email) = lower(?2) and emailVerifiedAt is not null))"
                + " and deactivatedAt is null", login.toLowerCase(java.util.Locale.ROOT), login).firstResultOptional();
    }

    public static Optional<User> findActiveByVerifiedEmail(String email) {
        return find("lower(email) = lower(?1) and emailVerifiedAt is not null and deactivatedAt is null", email)
                .firstResultOptional();
    }
}
