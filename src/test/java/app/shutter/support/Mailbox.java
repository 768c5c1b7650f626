package app.shutter.support;

import app.shutter.common.devenv.ImapMailbox;
import app.shutter.common.devenv.ImapMailbox.CaughtMessage;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real messages the embedded SMTP server received, read back over its IMAP port. */
public final class Mailbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern TOKEN = Pattern.compile("^\\s{4}([A-Za-z0-9_-]{43})\\s*$", Pattern.MULTILINE);

    private Mailbox() {
    }

    public static List<CaughtMessage> of(String address) {
        return ImapMailbox.read(ConfigProvider.getConfig().getValue("shutter.embedded-smtp.imap-port", Integer.class),
                address);
    }

    /** Waits up to 20 s for the {@code n}-th message (1-based) to the address. */
    public static CaughtMessage await(String address, int n) {
        return await(address, messages -> messages.size() >= n).get(n - 1);
    }

    public static List<CaughtMessage> await(String address, Predicate<List<CaughtMessage>> until) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<CaughtMessage> messages = of(address);
            if (until.test(messages)) {
                return messages;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such mail to " + address + " within 20 s; got " + messages);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The 6-digit code in a verification mail's text. */
    public static String code(CaughtMessage message) {
        Matcher matcher = CODE.matcher(message.text());
        if (!matcher.find()) {
            throw new AssertionError("no code in " + message.text());
        }
        return matcher.group(1);
    }

    /** The reset token in a password reset mail's text. */
    public static String token(CaughtMessage message) {
        Matcher matcher = TOKEN.matcher(message.text());
        if (!matcher.find()) {
            throw new AssertionError("no token in " + message.text());
        }
        return matcher.group(1);
    }
}
