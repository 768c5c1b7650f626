package app.shutter.common.devenv;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Starts one GreenMail per JVM for dev mode, tests and the demo jar: a real SMTP server that keeps what it
 * receives, and IMAP to read it back (each recipient is an account whose password is its address). Only
 * loaded when it is enabled, so a production jar never touches the GreenMail classes.
 */
public final class EmbeddedMailServer {

    // config sources are evaluated more than once per JVM: the running server is remembered here
    private static final String RUNNING = "shutter.embedded-smtp.running-ports";

    private static final int STALLED_SESSION_TIMEOUT_MS = 5_000;

    private EmbeddedMailServer() {
    }

    /** Where it listens. */
    public record Ports(int smtp, int imap) {
    }

    /** @param smtpPort 0 for a free port */
    public static synchronized Ports start(int smtpPort) {
        String running = System.getProperty(RUNNING);
        if (running != null) {
            String[] ports = running.split(",");
            return new Ports(Integer.parseInt(ports[0]), Integer.parseInt(ports[1]));
        }
        GreenMail server = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        // Vert.x's SMTP client now and then misreads a greeting that arrives at once (as a local server's does)
        // and then waits for a reply that already came; the server ends such a session after this much silence
        // (GreenMail's default is 30 s) and the mail goes again on its next attempt (1 s in dev and tests).
        server.getSmtp().setClientSocketTimeout(STALLED_SESSION_TIMEOUT_MS);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-smtp-stop"));
        Ports ports = new Ports(server.getSmtp().getPort(), server.getImap().getPort());
        System.setProperty(RUNNING, ports.smtp() + "," + ports.imap());
        return ports;
    }
}
