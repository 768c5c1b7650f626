package app.shutter.common.devenv;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Reads what the embedded SMTP server caught for one address, over its IMAP port (every recipient is an
 * account whose password is its address). Dev mode's mailbox route and the tests use it.
 */
public final class ImapMailbox {

    private ImapMailbox() {
    }

    /** One message as it arrived; {@code received} is the server's Received header (client address, HELO name). */
    public record CaughtMessage(String messageId, String from, String to, String subject, String text, String html,
                                String received, Instant receivedAt) {
    }

    /** Oldest first; empty if nothing was ever sent to the address. */
    public static List<CaughtMessage> read(int imapPort, String address) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            try {
                store.connect("127.0.0.1", imapPort, address, address);
            } catch (AuthenticationFailedException noSuchMailbox) {
                return List.of();
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<CaughtMessage> messages = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    messages.add(caught(message));
                }
                return messages;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read the embedded mail server's mailbox", e);
        }
    }

    private static CaughtMessage caught(Message message) throws MessagingException, IOException {
        String[] ids = message.getHeader("Message-ID");
        String[] received = message.getHeader("Received");
        String[] text = new String[2];
        collect(message, text);
        return new CaughtMessage(ids == null ? null : ids[0], Arrays.toString(message.getFrom()),
                Arrays.toString(message.getAllRecipients()), message.getSubject(), text[0], text[1],
                received == null ? null : received[0],
                message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant());
    }

    /** Fills [text, html] from the message's parts. */
    private static void collect(Part part, String[] text) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && text[0] == null) {
            text[0] = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && text[1] == null) {
            text[1] = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text);
            }
        }
    }
}
