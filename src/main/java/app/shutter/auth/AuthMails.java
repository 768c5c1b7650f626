package app.shutter.auth;

import app.shutter.mail.OutgoingMail;
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
