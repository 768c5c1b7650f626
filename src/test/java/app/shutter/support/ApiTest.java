package app.shutter.support;

import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import io.restassured.filter.log.LogDetail;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the API tests: empties every table once per test class. Identities are not restarted, so
 * ids (and the in-memory revocation cache keyed by session id) never collide across classes.
 */
public abstract class ApiTest {

    private static String lastResetClass;

    @Inject
    protected AgroalDataSource dataSource;

    @BeforeEach
    void resetDatabaseOncePerClass() throws SQLException {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails(LogDetail.ALL);
        if (getClass().getName().equals(lastResetClass)) {
            return;
        }
        lastResetClass = getClass().getName();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select tablename from pg_tables where schemaname = 'public' "
                    + "and tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                statement.execute("truncate " + String.join(", ", tables) + " cascade");
            }
        }
    }

    /** Runs a query and returns the first column of the first row (null when there is none). */
    protected Object queryValue(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected int execute(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
