package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SessionCleanupTest extends ApiTest {

    @Inject
    RevocationSync sync;

    @Test
    void an_instance_skips_the_session_cleanup_while_another_instance_runs_it() throws Exception {
        TestUser user = TestUsers.create();
        try (Connection other = dataSource.getConnection()) {
            other.createStatement().execute("update sessions set expires_at = now() - interval '1 day'"
                    + " where user_id = " + user.id());
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
                lock.setString(1, RevocationSync.CLEANUP_LOCK);
                lock.execute();
            }
            sync.deleteExpiredSessions();
            assertThat(queryValue("select count(*) from sessions where user_id = ?", user.id())).isEqualTo(1L);
            try (PreparedStatement unlock = other.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
                unlock.setString(1, RevocationSync.CLEANUP_LOCK);
                unlock.execute();
            }
        }
        sync.deleteExpiredSessions();
        assertThat(queryValue("select count(*) from sessions where user_id = ?", user.id())).isEqualTo(0L);
    }
}
