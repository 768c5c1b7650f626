package app.shutter.mail;

/** A rendered mail: the recipient's address, the subject, and its text and HTML bodies. */
public record OutgoingMail(String to, String subject, String text, String html) {
}
