package app.shutter.auth;

import app.shutter.common.persistence.Rows;
import jakarta.persistence.Tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The 6-digit codes mailed to prove an address (verification, a change of email): how one is made and how a
 * pending one is checked: not expired, fewer than {@value #MAX_ATTEMPTS} wrong tries, the hashes compared in
 * constant time. The caller counts a wrong try.
 */
final class MailedCode {

    static final int MAX_ATTEMPTS = 5;

    enum Outcome { RIGHT, EXPIRED, SPENT, WRONG }

    private MailedCode() {
    }

    static String newCode(SecureRandom random) {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** @param pending a row with {@code expired}, {@code attempts} and {@code code_hash} */
    static Outcome check(Tuple pending, String givenHash) {
        if (Rows.flag(pending, "expired")) {
            return Outcome.EXPIRED;
        }
        if (Rows.count(pending, "attempts") >= MAX_ATTEMPTS) {
            return Outcome.SPENT;
        }
        return MessageDigest.isEqual(givenHash.getBytes(StandardCharsets.US_ASCII),
                Rows.text(pending, "code_hash").getBytes(StandardCharsets.US_ASCII)) ? Outcome.RIGHT : Outcome.WRONG;
    }
}
