package app.shutter.user;

/** Fired inside the transaction that changes an account, for features that keep data about it. */
public final class AccountEvents {

    private AccountEvents() {
    }

    public record MadePublic(long userId) {
    }

    public record Deactivated(long userId) {
    }
}
