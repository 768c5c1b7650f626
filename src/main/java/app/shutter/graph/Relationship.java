package app.shutter.graph;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the caller relates to another account. */
public record Relationship(boolean following, boolean followedBy, boolean requested, boolean blocking,
                           boolean blockedBy,
                           @Schema(description = "The caller is told of each new post of this account")
                           boolean postNotifications,
                           @Schema(description = "This account is on the caller's close friends")
                           boolean closeFriend) {

    public static final Relationship SELF = new Relationship(false, false, false, false, false, false, false);

    public boolean blockedEitherWay() {
        return blocking || blockedBy;
    }
}
