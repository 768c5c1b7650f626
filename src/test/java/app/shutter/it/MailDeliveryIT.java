package app.shutter.it;

import app.shutter.common.devenv.ThrowawayJwtKeys;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.RestAssured;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash between the commit and the send loses no mail and sends it once: the packaged application is killed
 * (SIGKILL) with a committed verification mail it could not send yet, and sends it after its restart.
 */
class MailDeliveryIT {

    private static SharedDatabase database;
    private static ShutterInstance server;
    private static GreenMail smtp;
    private static int smtpPort;

    @BeforeAll
    static void start() throws Exception {
        database = SharedDatabase.start();
        smtpPort = ShutterInstance.freePort();
        ThrowawayJwtKeys keys = ThrowawayJwtKeys.loadOrCreate(Files.createTempDirectory("shutter-keys"));
        // nothing listens on the SMTP port yet: the mail is committed but cannot leave
        server = ShutterInstance.start("mail", database.connection(), keys,
                Files.createTempDirectory("shutter-images"),
                Map.of("QUARKUS_MAILER_HOST", "127.0.0.1", "QUARKUS_MAILER_PORT", Integer.toString(smtpPort),
                        "SHUTTER_MAIL_FIRST_RETRY_DELAY", "1s", "SHUTTER_MAIL_MAX_RETRY_DELAY", "1s",
                        "SHUTTER_MAIL_LEASE", "5s"));
        RestAssured.port = server.port();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        database.close();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void a_mail_committed_before_a_crash_is_sent_once_after_the_restart() throws Exception {
        TestUser user = TestUsers.create();
        String messageId = waitForRow(user.email());

        server.process().destroyForcibly().waitFor();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        server.launch();

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("the mail arrives after the restart").isTrue();
        Thread.sleep(3_000); // several more polls of the outbox
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(user.email());
        assertThat(received[0].getHeader("Message-ID")[0]).isEqualTo(messageId);
        try (Connection connection = database.open();
             PreparedStatement status = connection.prepareStatement(
                     "select status from mail_outbox where recipient = ?")) {
            status.setString(1, user.email());
            try (ResultSet rs = status.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("sent");
            }
        }
    }

    /** The committed outbox row of the mail to the address; its Message-ID. */
    private static String waitForRow(String address) throws Exception {
        try (Connection connection = database.open();
             PreparedStatement row = connection.prepareStatement(
                     "select message_id, status from mail_outbox where recipient = ?")) {
            row.setString(1, address);
            try (ResultSet rs = row.executeQuery()) {
                assertThat(rs.next()).as("the mail was committed with the account").isTrue();
                assertThat(rs.getString("status")).isEqualTo("pending");
                return rs.getString("message_id");
            }
        }
    }
}
