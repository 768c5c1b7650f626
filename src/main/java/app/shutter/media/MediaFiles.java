package app.shutter.media;

import app.shutter.common.persistence.Rows;
import jakarta.persistence.Tuple;

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

    /** @param rows query rows with columns {@code file} and {@code thumbnail_file} */
    public static List<String> of(List<Tuple> rows) {
        List<String> files = new ArrayList<>(rows.size() * 2);
        rows.forEach(row -> files.addAll(of(Rows.text(row, "file"), Rows.text(row, "thumbnail_file"))));
        return files;
    }
}
