package app.shutter.post;

import app.shutter.common.error.ApiException;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hashtags and mentions written in a caption or comment. A hashtag is '#' then letters, digits and
 * underscores (any script), compared case-insensitively; a mention is '@' then a username. Neither may
 * follow a word character, so "a#b" and "me@mail.com" are plain text.
 */
public record TextEntities(Set<String> tags, Set<String> usernames) {

    public static final int MAX_TAGS = 30;
    public static final int MAX_MENTIONS = 20;
    public static final int MAX_TAG_LENGTH = 100;

    private static final Pattern TAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#([\\p{L}\\p{N}_]+)");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@([A-Za-z0-9._]{3,30})");
    private static final Pattern SINGLE_TAG = Pattern.compile("#?([\\p{L}\\p{N}_]{1," + MAX_TAG_LENGTH + "})");

    public static final TextEntities NONE = new TextEntities(Set.of(), Set.of());

    /** @param field names the field in the 400 when the text has too many tags or mentions */
    public static TextEntities parse(String text, String field) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        Set<String> tags = new LinkedHashSet<>();
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            if (tag.group(1).length() <= MAX_TAG_LENGTH) {
                tags.add(normalize(tag.group(1)));
            }
        }
        Set<String> usernames = new LinkedHashSet<>();
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            // a sentence may end right after a mention: "thanks @ana."
            String name = mention.group(1).replaceAll("\\.+$", "");
            if (name.length() >= 3) {
                usernames.add(name.toLowerCase(Locale.ROOT));
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiException.invalidField(field, "may hold at most " + MAX_TAGS + " different hashtags");
        }
        if (usernames.size() > MAX_MENTIONS) {
            throw ApiException.invalidField(field, "may mention at most " + MAX_MENTIONS + " different accounts");
        }
        return new TextEntities(tags, usernames);
    }

    /** A tag as a client names it in a path, with or without '#'; 400 if it cannot be a hashtag. */
    public static String tagOf(String raw) {
        Matcher matcher = SINGLE_TAG.matcher(raw == null ? "" : raw.strip());
        if (!matcher.matches()) {
            throw ApiException.invalidField("tag", "must be letters, digits or underscores (at most "
                    + MAX_TAG_LENGTH + ")");
        }
        return normalize(matcher.group(1));
    }

    private static String normalize(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }
}
