package app.shutter.graph;

/** How the caller relates to another account. */
public record Relationship(boolean following, boolean followedBy, boolean requested, boolean blocking,
                           boolean blockedBy) {

    public static final Relationship SELF = new Relationship(false, false, false, false, false);

    public boolean blockedEitherWay() {
        return blocking || blockedBy;
    }
}
