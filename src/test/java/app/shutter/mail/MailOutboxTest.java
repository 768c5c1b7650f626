package app.shutter.mail;

import app.shutter.common.devenv.ImapMailbox.CaughtMessage;
import app.shutter.support.ApiTest;
import app.shutter.support.Mailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mail leaves only if the transaction that queued it commits, and then exactly once, with its Message-ID. */
@QuarkusTest
class MailOutboxTest extends ApiTest {

    @Inject
    MailOutbox outbox;

    private static OutgoingMail mail(String to, String text) {
        return new OutgoingMail(to, "Outbox test", text, "<p>" + text + "</p>");
    }

    @Test
    void a_committed_mail_arrives_once_with_the_message_id_of_its_row() throws Exception {
        String to = "committed." + System.nanoTime() + "@example.com";
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue("test", mail(to, "hello")));
        CaughtMessage arrived = Mailbox.await(to, 1);
        assertThat(arrived.text()).contains("hello");
        assertThat(arrived.html()).contains("<p>hello</p>");
        assertThat(arrived.from()).contains("no-reply@shutter.local");
        assertThat(arrived.messageId()).isEqualTo(queryValue("select message_id from mail_outbox where recipient = ?",
                to));
        Thread.sleep(2_500); // two more polls of the outbox
        assertThat(Mailbox.of(to)).hasSize(1);
        assertThat(queryValue("select status || ':' || attempts from mail_outbox where recipient = ?", to))
                .isEqualTo("sent:1");
    }

    @Test
    void the_sender_greets_the_server_with_the_configured_domain_instead_of_a_looked_up_name() {
        // looking the machine's name up stalled every first mail of an instance where DNS did not answer
        String to = "helo." + System.nanoTime() + "@example.com";
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue("test", mail(to, "hello")));
        assertThat(Mailbox.await(to, 1).received()).contains("(HELO shutter.local)");
    }

    @Test
    void mails_queued_one_by_one_with_pauses_between_each_arrive() throws Exception {
        // sends used to stall now and then until the mailer's 60 s timeout (see MailSender's thread)
        for (int i = 0; i < 8; i++) {
            String to = "paused." + i + "." + System.nanoTime() + "@example.com";
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueue("test", mail(to, "after a pause")));
            assertThat(Mailbox.await(to, 1).text()).contains("after a pause");
            Thread.sleep(i % 4 == 3 ? 3_000 : 500);
        }
    }

    @Test
    void a_rolled_back_transaction_sends_nothing() throws Exception {
        String to = "rolled.back." + System.nanoTime() + "@example.com";
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue("test", mail(to, "never"));
            throw new IllegalStateException("the change fails after queueing its mail");
        })).isInstanceOf(IllegalStateException.class);
        Thread.sleep(2_500);
        assertThat(queryValue("select count(*) from mail_outbox where recipient = ?", to)).isEqualTo(0L);
        assertThat(Mailbox.of(to)).isEmpty();
    }

    @Test
    void mail_queued_without_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.enqueue("test", mail("x@example.com", "x")))
                .hasMessageContaining("Transaction");
    }

    @Test
    void many_mails_queued_at_once_each_arrive_once() {
        String prefix = "burst." + System.nanoTime() + ".";
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 45; i++) {
                outbox.enqueue("test", mail(prefix + i + "@example.com", "n" + i));
            }
        });
        for (int i = 0; i < 45; i++) {
            List<CaughtMessage> messages = Mailbox.await(prefix + i + "@example.com", m -> !m.isEmpty());
            assertThat(messages).hasSize(1);
        }
    }
}
