package app.shutter.support;

import app.shutter.support.TestUsers.TestUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Moderators and admins for tests: an account given the role in the database, then logged in again. */
public final class TestRoles {

    private TestRoles() {
    }

    public static TestUser moderator() {
        return withRole(TestUsers.create(), "moderator");
    }

    public static TestUser admin() {
        return withRole(TestUsers.create(), "admin");
    }

    /** The role is read at login (tokens carry it), so the account logs in again. */
    public static TestUser withRole(TestUser user, String role) {
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             PreparedStatement update = connection.prepareStatement("update users set role = ? where id = ?")) {
            update.setString(1, role);
            update.setLong(2, user.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return TestUsers.login(user);
    }
}
