package app.shutter.media;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;

/**
 * Media files as objects of one bucket of an S3-compatible store (AWS S3, MinIO, Ceph RGW, R2, Garage), for
 * instances that share no disk. The client sends checksums only where the API requires them: several S3 servers
 * refuse the SDK's default trailing checksums. Large files go up in parts ({@link S3Uploads}).
 */
@ApplicationScoped
@Typed(S3MediaStorage.class)
public class S3MediaStorage implements MediaStorage {

    private static final Logger LOG = Logger.getLogger(S3MediaStorage.class);

    @Inject
    MediaConfig config;

    private S3Client s3;
    private String bucket;
    private String publicBase;

    @PostConstruct
    void connect() {
        MediaConfig.S3 settings = config.s3();
        bucket = settings.bucket().orElseThrow(() -> new IllegalStateException(
                "shutter.media.store is s3 but shutter.media.s3.bucket (SHUTTER_MEDIA_S3_BUCKET) is not set"));
        publicBase = settings.publicBaseUrl().map(url -> url.toString().replaceAll("/+$", "")).orElse(null);
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(settings.accessKeyId().isPresent()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId().get(),
                                settings.secretAccessKey().orElse("")))
                        : DefaultCredentialsProvider.builder().build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        s3 = builder.build();
    }

    @PreDestroy
    void close() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Override
    public void save(String name, Path source, String contentType) throws IOException {
        try {
            new S3Uploads(s3, bucket, config.s3().partSize().asLongValue()).upload(name, source, contentType);
        } catch (SdkException e) {
            throw failure(e, "store " + name);
        } finally {
            Files.deleteIfExists(source);
        }
    }

    /**
     * One DeleteObject per name: DeleteObjects must carry a checksum, which the SDK now sends in a header that
     * several S3 servers refuse (S3Proxy: 501); a post has at most twenty files.
     */
    @Override
    public void delete(Collection<String> names) {
        for (String name : names) {
            if (!MediaNames.isName(name)) {
                continue;
            }
            try {
                s3.deleteObject(request -> request.bucket(bucket).key(name));
            } catch (SdkException e) {
                LOG.warnf("Could not delete media object %s: %s", name, e.toString());
            }
        }
    }

    @Override
    public InputStream open(String name) throws IOException {
        return get(name, null);
    }

    /**
     * The object, or the byte range of it that an HTTP Range header names (passed through as S3 takes the same
     * syntax); null range: all of it.
     * @throws java.nio.file.NoSuchFileException when there is no such object
     */
    ResponseInputStream<GetObjectResponse> get(String name, String range) throws IOException {
        if (!MediaNames.isName(name)) {
            throw new java.nio.file.NoSuchFileException(String.valueOf(name));
        }
        try {
            return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(name).range(range).build());
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(name);
        } catch (SdkException e) {
            throw failure(e, "read " + name);
        }
    }

    /** Page by page (1 000 objects per request), as the caller iterates. */
    @Override
    public java.util.stream.Stream<StoredFile> stored() {
        return s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                .filter(object -> MediaNames.isName(object.key()))
                .map(object -> new StoredFile(object.key(), object.lastModified()));
    }

    @Override
    public String url(String name) {
        if (name == null) {
            return null;
        }
        return publicBase == null ? LocalDiskStorage.URL_PREFIX + name : publicBase + "/" + name;
    }

    /** Where /images/ redirects to, when the objects are public; null when they are streamed through. */
    String publicBase() {
        return publicBase;
    }

    /** A store out of room (507: MinIO and others answer 507 or name it) or any other failure (503). */
    private static IOException failure(SdkException e, String what) {
        if (e instanceof S3Exception s3 && (s3.statusCode() == 507 || String.valueOf(
                s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode()).contains("StorageFull"))) {
            return new FullException("The object store is full (" + what + ")", e);
        }
        return new IOException("The object store failed to " + what + ": " + e.getMessage(), e);
    }
}
