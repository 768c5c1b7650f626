package app.shutter.common;

import app.shutter.common.error.Problem;
import app.shutter.common.error.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void an_unreachable_database_is_a_503_problem_with_retry_after() {
        Response response = mappers.unexpected(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("Acquisition timeout while waiting for new connection")), null);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((Problem) response.getEntity()).detail()).doesNotContain("Acquisition");
    }

    @Test
    void a_lost_connection_is_a_503_too() {
        Response response = mappers.unexpected(new SQLException("I/O error", "08006"), null);
        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void text_the_database_cannot_store_is_the_clients_400() {
        Response response = mappers.unexpected(new IllegalStateException("wrapped",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")), null);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(((Problem) response.getEntity()).detail()).contains("NUL");
    }

    @Test
    void any_other_failure_is_a_500_without_internals() {
        Response response = mappers.unexpected(new NullPointerException("secret.internal.Field"), null);
        assertThat(response.getStatus()).isEqualTo(500);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.detail()).doesNotContain("secret").doesNotContain("NullPointer");
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    }
}
