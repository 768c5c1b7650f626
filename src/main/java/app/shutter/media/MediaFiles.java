package app.shutter.media;

import java.util.ArrayList;
import java.util.List;

/** The stored names behind a media item (the file and, when there is one, its thumbnail), to delete them. */
public final class MediaFiles {

    private MediaFiles() {
    }

    public static List<String> of(String file, String thumbnailFile) {
        List<String> files = new ArrayList<>(2);
        files.add(file);
        if (thumbnailFile != null) {
            files.add(thumbnailFile);
        }
        return files;
    }

    /** @param rows query rows whose first two columns are file and thumbnail_file */
    public static List<String> of(List<Object[]> rows) {
        List<String> files = new ArrayList<>(rows.size() * 2);
        rows.forEach(row -> files.addAll(of((String) row[0], (String) row[1])));
        return files;
    }
}
