package app.shutter.auth;

import app.shutter.mail.OutgoingMail;
import app.shutter.mail.MailConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The account mails, rendered from templates/mail (the HTML variants escape what users wrote). */
@ApplicationScoped
public class AuthMails {

    @Inject
    @Location("mail/verify-email.txt")
    Template verifyText;

    @Inject
    @Location("mail/verify-email.html")
    Template verifyHtml;

    @Inject
    @Location("mail/password-reset.txt")
    Template resetText;

    @Inject
    @Location("mail/password-reset.html")
    Template resetHtml;

    @Inject
    @Location("mail/password-changed.txt")
    Template changedText;

    @Inject
    @Location("mail/password-changed.html")
    Template changedHtml;

    @Inject
    @Location("mail/email-change-code.txt")
    Template changeCodeText;

    @Inject
    @Location("mail/email-change-code.html")
    Template changeCodeHtml;

    @Inject
    @Location("mail/email-changed.txt")
    Template emailChangedText;

    @Inject
    @Location("mail/email-changed.html")
    Template emailChangedHtml;

    @Inject
    MailConfig config;

    OutgoingMail emailChangeCode(String to, String username, String code) {
        return new OutgoingMail(to, "Confirm your new Shutter address: " + code,
                changeCodeText.data("username", username).data("code", code).render(),
                changeCodeHtml.data("username", username).data("code", code).render());
    }

    /** To the old address: where the account's mail goes now, and the link that takes it back. */
    OutgoingMail emailChanged(String to, String username, String newEmail, String undoToken) {
        String link = config.linkBaseUrl() + "/app/#/undo-email/" + undoToken;
        return new OutgoingMail(to, "The email address of your Shutter account was changed",
                emailChangedText.data("username", username).data("newEmail", newEmail).data("link", link)
                        .data("token", undoToken).render(),
                emailChangedHtml.data("username", username).data("newEmail", newEmail).data("link", link)
                        .data("token", undoToken).render());
    }

    OutgoingMail verification(String to, String username, String code) {
        return new OutgoingMail(to, "Your Shutter verification code: " + code,
                verifyText.data("username", username).data("code", code).render(),
                verifyHtml.data("username", username).data("code", code).render());
    }

    OutgoingMail passwordReset(String to, String username, String token) {
        return new OutgoingMail(to, "Reset your Shutter password",
                resetText.data("username", username).data("token", token).render(),
                resetHtml.data("username", username).data("token", token).render());
    }

    OutgoingMail passwordChanged(String to, String username) {
        return new OutgoingMail(to, "Your Shutter password was reset",
                changedText.data("username", username).render(),
                changedHtml.data("username", username).render());
    }
}
