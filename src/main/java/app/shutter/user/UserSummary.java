package app.shutter.user;

import app.shutter.common.persistence.Rows;
import app.shutter.media.MediaUrls;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a user appears inside other objects and lists. */
public record UserSummary(@Schema(example = "42") long id,
                          @Schema(example = "jane.doe") String username,
                          @Schema(example = "Jane Doe") String name,
                          @Schema(example = "/images/3f1c9a....jpg") String avatarUrl,
                          boolean isPrivate) {

    /**
     * The select-list entries of a summary of the user with table alias {@code alias}, named with
     * {@code prefix} (e.g. {@code author_id, author_username, ...}), as {@link #of(Tuple, String)} reads them.
     */
    public static String columns(String alias, String prefix) {
        return alias + ".id as " + prefix + "id, " + alias + ".username as " + prefix + "username, "
                + alias + ".name as " + prefix + "name, " + alias + ".avatar_file as " + prefix + "avatar_file, "
                + alias + ".is_private as " + prefix + "is_private";
    }

    /** Reads the {@link #columns} named with {@code prefix}. */
    public static UserSummary of(Tuple row, String prefix) {
        return new UserSummary(Rows.id(row, prefix + "id"), Rows.text(row, prefix + "username"),
                Rows.text(row, prefix + "name"), MediaUrls.of(Rows.text(row, prefix + "avatar_file")),
                Rows.flag(row, prefix + "is_private"));
    }

    public static UserSummary of(User user) {
        return new UserSummary(user.id, user.username, user.name, MediaUrls.of(user.avatarFile), user.isPrivate);
    }
}
