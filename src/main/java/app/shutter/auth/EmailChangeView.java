package app.shutter.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A change of address waiting for the code mailed to the new address. */
public record EmailChangeView(
        @Schema(description = "The new address; the account keeps its current one until the code is confirmed")
        String pendingEmail,
        @Schema(description = "When the mailed code expires") Instant expiresAt) {
}
