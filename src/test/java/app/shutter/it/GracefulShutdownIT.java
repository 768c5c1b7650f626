package app.shutter.it;

import app.shutter.common.devenv.ThrowawayJwtKeys;
import app.shutter.support.ChatClient;
import app.shutter.support.SseClient;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SIGTERM to a packaged instance, as an orchestrator stops it during a rolling deployment. */
class GracefulShutdownIT {

    private static SharedDatabase database;
    private static ShutterInstance server;

    @BeforeAll
    static void start() throws Exception {
        database = SharedDatabase.start();
        ThrowawayJwtKeys keys = ThrowawayJwtKeys.loadOrCreate(Files.createTempDirectory("shutter-keys"));
        server = ShutterInstance.start("graceful", database.connection(), keys,
                Files.createTempDirectory("shutter-images"), Map.of());
        RestAssured.port = server.port();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        database.close();
    }

    @Test
    void sigterm_finishes_the_running_request_and_tells_socket_and_stream_clients_to_go_elsewhere() throws Exception {
        TestUser ana = TestUsers.create();
        String login = "{\"login\": \"" + ana.username() + "\", \"password\": \"" + ana.password() + "\"}";
        byte[] body = login.getBytes(StandardCharsets.UTF_8);
        try (ChatClient chat = ChatClient.connect(server.url("/chat"), ana.accessToken());
             SseClient stream = SseClient.open(server.url("/notifications/stream"),
                     Map.of("Authorization", "Bearer " + ana.accessToken())).awaitOpen();
             Socket slow = new Socket("localhost", server.port())) {
            // a request in flight: headers and half of the body sent before the signal, the rest after it
            OutputStream out = slow.getOutputStream();
            out.write(("POST /auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(300);

            long signalled = System.nanoTime();
            server.process().destroy();
            assertThat(chat.closeCode()).isEqualTo(1001);
            assertThat(stream.ended()).isTrue();
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            assertThat(statusLine(slow.getInputStream())).isEqualTo("HTTP/1.1 200 OK");

            assertThat(server.process().waitFor() == 0 || server.process().exitValue() == 143).isTrue();
            // no wait for the 20 s shutdown timeout: nothing was left hanging
            assertThat((System.nanoTime() - signalled) / 1_000_000).isLessThan(10_000);
        }
        assertThat(server.log()).doesNotContain("Timed out waiting for graceful shutdown");
    }

    private static String statusLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\r') {
            line.append((char) c);
        }
        return line.toString();
    }
}
