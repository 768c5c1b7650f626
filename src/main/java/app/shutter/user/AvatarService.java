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
        String previous = media.commit(List.of(stored), () -> swap(userId, stored.file()));
        deleteFileOf(previous);
        return storage.url(stored.file());
    }

    public void remove(long userId) {
        String previous = QuarkusTransaction.requiringNew().call(() -> swap(userId, null));
        deleteFileOf(previous);
    }

    /** A deleted account's picture goes with it, once the deletion has committed. */
    void onDeactivated(@Observes AccountEvents.Deactivated event) {
        User user = User.findById(event.userId());
        if (user != null && user.avatarFile != null) {
            media.deleteAfterCommit(List.of(user.avatarFile));
            user.avatarFile = null;
        }
    }

    /** Locks the row so two concurrent uploads each delete exactly the picture they replaced. */
    private String swap(long userId, String file) {
        User user = User.<User>findByIdOptional(userId, LockModeType.PESSIMISTIC_WRITE)
                .filter(User::isActive)
                .orElseThrow(() -> ApiException.unauthorized("The account no longer exists"));
        String previous = user.avatarFile;
        user.avatarFile = file;
        user.updatedAt = Instant.now();
        return previous;
    }

    private void deleteFileOf(String name) {
        if (name != null) {
            storage.delete(List.of(name));
        }
    }
}
