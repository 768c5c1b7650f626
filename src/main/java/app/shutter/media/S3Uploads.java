package app.shutter.media;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One file into the bucket: a single PUT below the part size, a multipart upload above it (a 100 MB video in
 * parts that are each retried alone), aborted if any part fails so no half object and no stored parts remain.
 */
final class S3Uploads {

    /** Names never change content, so caches (a CDN in front of the bucket) may keep them for a year. */
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final S3Client s3;
    private final String bucket;
    private final long partSize;

    S3Uploads(S3Client s3, String bucket, long partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        // S3 takes parts of 5 MiB at least, except the last
        this.partSize = Math.max(partSize, 5L * 1024 * 1024);
    }

    void upload(String name, Path source, String contentType) throws IOException {
        long size = Files.size(source);
        if (size < partSize) {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(name).contentType(contentType)
                    .cacheControl(CACHE_CONTROL).build(), RequestBody.fromFile(source));
            return;
        }
        String upload = s3.createMultipartUpload(request -> request.bucket(bucket).key(name).contentType(contentType)
                .cacheControl(CACHE_CONTROL)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            try (InputStream in = Files.newInputStream(source)) {
                int number = 1;
                for (long offset = 0; offset < size; offset += partSize, number++) {
                    // a part in memory: the SDK can send it again on a retry (16 MB by default)
                    byte[] part = in.readNBytes((int) Math.min(partSize, size - offset));
                    int partNumber = number;
                    String etag = s3.uploadPart(request -> request.bucket(bucket).key(name).uploadId(upload)
                            .partNumber(partNumber).contentLength((long) part.length), RequestBody.fromBytes(part)).eTag();
                    parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                }
            }
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(name).uploadId(upload)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            abort(name, upload, e);
            throw e;
        }
    }

    private void abort(String name, String upload, Exception cause) {
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(name).uploadId(upload));
        } catch (SdkException e) {
            cause.addSuppressed(e);
        }
    }
}
