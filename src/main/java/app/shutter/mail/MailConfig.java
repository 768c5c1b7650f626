package app.shutter.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The mail outbox (prefix {@code shutter.mail}); the SMTP server itself is configured by quarkus.mailer.*. */
@ConfigMapping(prefix = "shutter.mail")
public interface MailConfig {

    /** How often every instance looks for mail due (a commit that queues mail also wakes its own instance). */
    @WithDefault("1s")
    Duration poll();

    /** Mails one instance claims at a time. */
    @WithDefault("20")
    int batch();

    /** How long a claimed mail is left to its instance before another may send it (a crash mid-send). */
    @WithDefault("2m")
    Duration lease();

    /** The wait after the first failed attempt; it doubles with each attempt up to {@link #maxRetryDelay()}. */
    @WithDefault("10s")
    Duration firstRetryDelay();

    @WithDefault("1h")
    Duration maxRetryDelay();

    /** Attempts before a mail is given up (status failed); with the defaults about a day of retries. */
    @WithDefault("30")
    int maxAttempts();

    /**
     * Where links in mails lead: the web client's address as users reach it (behind a proxy or a CDN, the public
     * one), without a trailing slash.
     */
    @WithDefault("http://localhost:8080")
    String linkBaseUrl();

    /** The domain of Message-IDs ({@code <outbox-id.random@domain>}). */
    @WithDefault("shutter.local")
    String messageIdDomain();
}
