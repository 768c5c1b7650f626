package app.shutter.media;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** The store every feature writes through, as configured: the local folder, or a bucket of an S3 API. */
@ApplicationScoped
public class MediaStores {

    @Produces
    @ApplicationScoped
    MediaStorage store(MediaConfig config, Instance<LocalDiskStorage> local, Instance<S3MediaStorage> s3) {
        return config.store() == MediaConfig.Store.S3 ? s3.get() : local.get();
    }

    /** Row mappers build avatar URLs from names through {@link MediaUrls}: with the store, from the start. */
    void onStart(@Observes StartupEvent event, MediaStorage storage) {
        MediaUrls.use(storage);
    }
}
