package app.shutter.notification;

import app.shutter.support.ApiTest;
import app.shutter.support.SseClient;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream's slot is freed the moment its client goes, not at the next heartbeat (20 s). */
@QuarkusTest
class NotificationStreamSlotsTest extends ApiTest {

    private static final int MAX_STREAMS = 5;

    @TestHTTPResource("/notifications/stream")
    URI stream;

    @Test
    void a_client_that_reconnects_after_its_connections_dropped_gets_its_streams_at_once() throws Exception {
        TestUser user = TestUsers.create();
        List<SseClient> first = openAll(user);
        try (SseClient refused = open(user)) {
            assertThat(refused.status()).isEqualTo(429);
        }
        first.forEach(SseClient::close);
        // well inside the 20 s heartbeat that used to notice a gone client (10 s: a busy two-core machine)
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (SseClient probe = open(user)) {
                return probe.status() == 200;
            }
        });
        // the probe's own slot is freed the same way, asynchronously: all of them are free again within moments
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> allOpen(user));
    }

    /** Opens as many streams as allowed; true if every one was served (then closes them all either way). */
    private boolean allOpen(TestUser user) throws Exception {
        List<SseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_STREAMS; i++) {
                SseClient client = open(user);
                clients.add(client);
                if (client.status() != 200) {
                    return false;
                }
            }
            return true;
        } finally {
            clients.forEach(SseClient::close);
        }
    }

    private List<SseClient> openAll(TestUser user) throws Exception {
        List<SseClient> clients = new ArrayList<>();
        for (int i = 0; i < MAX_STREAMS; i++) {
            SseClient client = open(user);
            assertThat(client.status()).as("stream %d", i + 1).isEqualTo(200);
            clients.add(client.awaitOpen());
        }
        return clients;
    }

    private SseClient open(TestUser user) throws Exception {
        return SseClient.open(stream, Map.of("Authorization", "Bearer " + user.accessToken()));
    }
}
