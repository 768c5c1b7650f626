package app.shutter.mail;

import app.shutter.common.persistence.Rows;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the outbox. Each instance claims due rows with {@code FOR UPDATE SKIP LOCKED} and a lease, sends them
 * outside any transaction, then marks them sent, or due again later with a doubling delay. Delivery is at least
 * once: only a crash after the SMTP server accepted a mail and before it was marked sent sends it again, with
 * the same Message-ID, once the lease has run out.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    @Inject
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    MailConfig config;

    @Inject
    Instance<MailComposer> composers;

    @Inject
    MeterRegistry metrics;

    /*
     * One plain thread sends, with nothing propagated to it. Run from Quarkus's managed executor (which carried
     * the queueing commit's finished transaction and contexts into the drain), sends stalled now and then until
     * the mailer's 60 s timeout: GreenMail waited for the client's next command while the worker waited for the
     * client (thread dumps; a CI run lost four tests' mails that way). From this thread, none did in hundreds of
     * sends. One thread also makes "one drain at a time per instance" hold by itself.
     */
    private final ExecutorService senderThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread sender = new Thread(runnable, "mail-sender");
        sender.setDaemon(true);
        return sender;
    });
    // a drain is queued and has not started: later wakes are covered by it
    private final AtomicBoolean queued = new AtomicBoolean();
    private Timer delay;

    @PostConstruct
    void meters() {
        delay = Timer.builder("shutter.mail.delay").description("From the commit that queued a mail to its sending")
                .publishPercentiles(0.5, 0.95, 0.99).register(metrics);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        senderThread.shutdownNow();
        // a send in flight finishes or times out; its row is sent again by whoever claims it after its lease
        senderThread.awaitTermination(2, TimeUnit.SECONDS);
    }

    @Scheduled(every = "${shutter.mail.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Sent and abandoned mail is kept a week (what was sent when), without its bodies. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forget() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from mail_outbox"
                + " where status <> 'pending' and done_at < now() - interval '7 days'").executeUpdate());
    }

    /** After a commit that queued mail, and at each poll: send what is due, on the sender thread. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                senderThread.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                queued.set(false);
            }
        }
    }

    private void drain() {
        queued.set(false);
        try {
            while (sendBatch() == config.batch()) {
                // a full batch: there may be more due
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the mail outbox: %s", e.toString());
        }
    }

    private int sendBatch() {
        List<Tuple> claimed = QuarkusTransaction.requiringNew().call(() -> Rows.list(em.createNativeQuery("""
                        update mail_outbox set claimed_until = now() + make_interval(secs => :lease),
                                               attempts = attempts + 1
                        where id in (select id from mail_outbox
                                     where status = 'pending' and next_attempt_at <= now()
                                       and (claimed_until is null or claimed_until < now())
                                     order by next_attempt_at, id limit :batch for update skip locked)
                        returning id, kind, recipient, subject, text_body, html_body, payload, message_id, attempts,
                                  created_at""",
                        Tuple.class)
                .setParameter("lease", config.lease().toMillis() / 1000.0).setParameter("batch", config.batch())));
        claimed.forEach(this::send);
        return claimed.size();
    }

    private void send(Tuple row) {
        long id = Rows.id(row, "id");
        String kind = Rows.text(row, "kind");
        try {
            Optional<OutgoingMail> mail = Rows.isNull(row, "recipient") ? compose(id, kind, Rows.text(row, "payload"))
                    : Optional.of(new OutgoingMail(Rows.text(row, "recipient"), Rows.text(row, "subject"),
                            Rows.text(row, "text_body"), Rows.text(row, "html_body")));
            if (mail.isEmpty()) {
                return;
            }
            mailer.send(Mail.withText(mail.get().to(), mail.get().subject(), mail.get().text())
                    .setHtml(mail.get().html()).addHeader("Message-ID", Rows.text(row, "message_id")));
            // the bodies may hold a code or a token: they are not kept once sent
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            update mail_outbox set status = 'sent', done_at = now(), claimed_until = null,
                                                   text_body = null, html_body = null, last_error = null
                            where id = :id""").setParameter("id", id).executeUpdate());
            metrics.counter("shutter.mail.sent", "kind", kind).increment();
            // from the transaction that queued it to the SMTP server's acceptance
            delay.record(Duration.between(Rows.instant(row, "created_at"), Instant.now()));
        } catch (RuntimeException e) {
            failed(id, kind, Rows.count(row, "attempts"), e);
        }
    }

    /** Composes the mail and stores it with whatever the composer wrote, in one transaction. */
    private Optional<OutgoingMail> compose(long id, String kind, String payload) {
        MailComposer composer = composers.stream().filter(c -> c.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No composer for mail of kind " + kind));
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<OutgoingMail> mail = composer.compose(payload);
            if (mail.isEmpty()) {
                em.createNativeQuery("update mail_outbox set status = 'dropped', done_at = now(), payload = null,"
                        + " claimed_until = null where id = :id").setParameter("id", id).executeUpdate();
            } else {
                em.createNativeQuery("""
                                update mail_outbox set recipient = :to, subject = :subject, text_body = :text,
                                                       html_body = :html, payload = null
                                where id = :id""")
                        .setParameter("to", mail.get().to()).setParameter("subject", mail.get().subject())
                        .setParameter("text", mail.get().text()).setParameter("html", mail.get().html())
                        .setParameter("id", id).executeUpdate();
            }
            return mail;
        });
    }

    private void failed(long id, String kind, int attempts, RuntimeException e) {
        boolean givingUp = attempts >= config.maxAttempts();
        // the address and the bodies stay out of the log: they may hold a code or a token
        LOG.warnf("Could not send mail %d (%s), attempt %d%s: %s", id, kind, attempts,
                givingUp ? ", giving up" : "", e.toString());
        long delayMillis = Math.min(config.maxRetryDelay().toMillis(),
                config.firstRetryDelay().toMillis() << Math.min(attempts - 1, 20));
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            update mail_outbox set claimed_until = null, last_error = left(:error, 500),
                                   next_attempt_at = now() + make_interval(secs => :delay),
                                   status = case when :givingUp then 'failed' else 'pending' end,
                                   done_at = case when :givingUp then now() end
                            where id = :id""")
                    .setParameter("error", e.toString()).setParameter("delay", delayMillis / 1000.0)
                    .setParameter("givingUp", givingUp).setParameter("id", id).executeUpdate());
        } catch (RuntimeException stored) {
            LOG.warnf("Could not record the failure of mail %d; it is retried when its lease ends", id);
        }
        metrics.counter("shutter.mail.failed", "kind", kind).increment();
    }
}
