package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.shutter.support.TestUsers.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

/** Registration looks its username and email up through indexes: its work does not grow with the accounts. */
@QuarkusTest
class RegistrationWorkTest extends ApiTest {

    private long registrationBuffers(String name) {
        queryValue("select pg_stat_statements_reset()");
        anonymous().header("X-Forwarded-For", TestUsers.newAddress())
                .body(Map.of("username", name, "email", name + "@example.com", "password", TestUsers.PASSWORD))
                .post("/auth/register").then().statusCode(201);
        return ((Number) queryValue("select coalesce(sum(shared_blks_hit + shared_blks_read), 0)"
                + " from pg_stat_statements where query not like '%pg_stat_statements%'"
                + " and query not like '%mail_outbox%' and query not like '%notification%'")).longValue();
    }

    @Test
    void registering_reads_about_as_much_at_100_000_accounts_as_at_a_few() {
        execute("create extension if not exists pg_stat_statements");
        TestUsers.create();
        long few = Math.min(registrationBuffers(TestUsers.uniqueName("few")),
                registrationBuffers(TestUsers.uniqueName("few")));
        execute("""
                insert into users (username, email, password_hash, created_at, updated_at, email_verified_at)
                select 'bulk_' || i, 'bulk_' || i || '@example.com', 'x', now(), now(),
                       case when i % 2 = 0 then now() end
                from generate_series(1, 100000) i""");
        execute("analyze users");
        long many = Math.min(registrationBuffers(TestUsers.uniqueName("many")),
                registrationBuffers(TestUsers.uniqueName("many")));
        // a sequential read of the accounts would be thousands of buffers
        assertThat(many).as("buffers of a registration: %d with a few accounts, %d with 100 000", few, many)
                .isLessThanOrEqualTo(few + few / 2 + 30);
    }
}
