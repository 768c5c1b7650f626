package app.shutter.mail;

import app.shutter.common.persistence.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where features put mail: a row written in the transaction of the change that causes it, so a rollback never
 * sends a mail and a crash never loses one. {@link MailSender} sends it after the commit.
 */
@ApplicationScoped
public class MailOutbox {

    // an instance field: a static one would be created while a native image is built, with a fixed seed
    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    AfterCommit afterCommit;

    @Inject
    MailSender sender;

    @Inject
    MailConfig config;

    @Inject
    MeterRegistry metrics;

    /** Queues a rendered mail; {@code kind} names it in the table and the logs (e.g. {@code verify_email}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String kind, OutgoingMail mail) {
        insert(kind, mail, null);
    }

    /** Queues a mail that {@link MailComposer} of this kind writes when it is sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueComposed(String kind, String payload) {
        insert(kind, null, payload);
    }

    private void insert(String kind, OutgoingMail mail, String payload) {
        em.createNativeQuery("""
                        insert into mail_outbox (kind, recipient, subject, text_body, html_body, payload, message_id)
                        values (:kind, :to, :subject, :text, :html, :payload, :messageId)""")
                .setParameter("kind", kind).setParameter("payload", payload)
                .setParameter("to", mail == null ? null : mail.to())
                .setParameter("subject", mail == null ? null : mail.subject())
                .setParameter("text", mail == null ? null : mail.text())
                .setParameter("html", mail == null ? null : mail.html())
                .setParameter("messageId", messageId())
                .executeUpdate();
        afterCommit.run(() -> metrics.counter("shutter.mail.queued", "kind", kind).increment());
        // this instance sends at once after the commit instead of at its next poll (one wake sends them all)
        afterCommit.once(MailOutbox.class, sender::wake);
    }

    /** Unique and fixed when the row is written, so a mail sent twice after a crash carries the same one. */
    private String messageId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "<" + HexFormat.of().formatHex(bytes) + "@" + config.messageIdDomain() + ">";
    }
}
