package app.shutter.media;

import app.shutter.common.error.ApiException;
import app.shutter.common.Text;

import java.util.ArrayList;
import java.util.List;

/** Alt texts sent with uploads: one optional text per media item, in the items' order. */
public final class AltTexts {

    public static final String PART = "altText";
    public static final int MAX_LENGTH = 1_000;

    private AltTexts() {
    }

    /**
     * The alt text of each of {@code items} media items (null where none was sent or it is blank), or a 400
     * problem for more texts than items or a text that is too long.
     */
    public static List<String> of(List<String> sent, int items) {
        return of(sent, items, PART);
    }

    /** @param field the name the client sent them under, for the problem */
    public static List<String> of(List<String> sent, int items, String field) {
        List<String> texts = sent == null ? List.of() : sent;
        if (texts.size() > items) {
            throw ApiException.invalidField(field, "there are " + texts.size() + " alt texts for " + items
                    + " media items; send one per item, in the same order (empty for none)");
        }
        List<String> result = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            String text = i < texts.size() ? Text.trimToNull(texts.get(i)) : null;
            if (text != null && text.length() > MAX_LENGTH) {
                throw ApiException.invalidField(field, "must be at most " + MAX_LENGTH + " characters (item "
                        + (i + 1) + ")");
            }
            result.add(text);
        }
        return result;
    }
}
