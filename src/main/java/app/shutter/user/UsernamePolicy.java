package app.shutter.user;

import app.shutter.common.error.ApiException;

import java.util.Set;

/** Names that would clash with routes or impersonate the service cannot be registered. */
public final class UsernamePolicy {

    private static final Set<String> RESERVED = Set.of(
            "me", "admin", "administrator", "root", "system", "support", "help", "security", "api", "auth",
            "login", "logout", "register", "signup", "signin", "settings", "account", "accounts", "explore",
            "feed", "feeds", "images", "media", "static", "public", "q", "stories", "story", "chat", "chats",
            "messages", "notifications", "tags", "tag", "posts", "post", "users", "user", "follow-requests",
            "search", "discover", "suggestions", "home", "shutter", "official", "staff", "moderator", "null",
            "undefined");

    private UsernamePolicy() {
    }

    public static void checkNotReserved(String username) {
        if (RESERVED.contains(username)) {
            throw ApiException.invalidField("username", "is reserved");
        }
    }
}
