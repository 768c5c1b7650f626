package app.shutter.user;

import app.shutter.common.error.ApiException;
import app.shutter.media.MediaPurpose;
import app.shutter.media.MediaStorage;
import app.shutter.media.MediaUploads;
import app.shutter.media.StoredMedia;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Profile pictures: one image per account; replacing or removing it deletes the previous file. */
@ApplicationScoped
public class AvatarService {

    public static final String PART = "profilePicture";

    @Inject
    MediaUploads media;

    @Inject
    MediaStorage storage;

    public String replace(long userId, FileUpload upload) {
        if (upload == null) {
            throw ApiException.invalidField(PART, "is required: send the picture as a multipart file part named "
                    + PART);
        }
        StoredMedia stored = media.store(upload, MediaPurpose.AVATAR, PART);
        String url = storage.url(stored.file());
        String previous = media.commit(List.of(stored), () -> swap(userId, url));
        deleteFileOf(previous);
        return url;
    }

    public void remove(long userId) {
        String previous = QuarkusTransaction.requiringNew().call(() -> swap(userId, null));
        deleteFileOf(previous);
    }

    /** A deleted account's picture goes with it, once the deletion has committed. */
    void onDeactivated(@Observes AccountEvents.Deactivated event) {
        User user = User.findById(event.userId());
        if (user != null && user.avatarUrl != null) {
            media.deleteAfterCommit(Stream.of(storage.nameOf(user.avatarUrl)).filter(Objects::nonNull).toList());
            user.avatarUrl = null;
        }
    }

    /** Locks the row so two concurrent uploads each delete exactly the picture they replaced. */
    private String swap(long userId, String url) {
        User user = User.<User>findByIdOptional(userId, LockModeType.PESSIMISTIC_WRITE)
                .filter(User::isActive)
                .orElseThrow(() -> ApiException.unauthorized("The account no longer exists"));
        String previous = user.avatarUrl;
        user.avatarUrl = url;
        user.updatedAt = Instant.now();
        return previous;
    }

    private void deleteFileOf(String url) {
        String name = storage.nameOf(url);
        if (name != null) {
            storage.delete(List.of(name));
        }
    }
}
