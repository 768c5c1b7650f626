package app.shutter.media;

import jakarta.enterprise.context.ApplicationScoped;
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
}
