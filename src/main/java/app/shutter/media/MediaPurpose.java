package app.shutter.media;

/** What an upload is for: it decides the accepted kinds, the size of the stored image and the thumbnail. */
public enum MediaPurpose {
    AVATAR(false, false),
    POST(true, true),
    STORY(true, true);

    private final boolean videoAllowed;
    private final boolean thumbnail;

    MediaPurpose(boolean videoAllowed, boolean thumbnail) {
        this.videoAllowed = videoAllowed;
        this.thumbnail = thumbnail;
    }

    public boolean videoAllowed() {
        return videoAllowed;
    }

    public boolean thumbnail() {
        return thumbnail;
    }

    public int maxSide(MediaConfig config) {
        return this == AVATAR ? config.avatarMaxSide() : config.postMaxSide();
    }

    public String accepted() {
        return videoAllowed ? "JPEG, PNG, WebP or GIF images and MP4 or QuickTime (.mov) videos"
                : "JPEG, PNG, WebP or GIF images";
    }
}
