package app.shutter.mail;

import java.util.Optional;

/**
 * Composes mails that can only be written when they are sent (a password reset looks its account up there, so
 * that the request that asks for it runs the same statements whether or not the account exists). The outbox
 * calls it inside the transaction that stores the composed mail; empty means there is nothing to send.
 */
public interface MailComposer {

    /** The outbox kind it composes. */
    String kind();

    Optional<OutgoingMail> compose(String payload);
}
