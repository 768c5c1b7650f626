package app.shutter.common.idempotency;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A SHA-256 digest of what identifies a request: its endpoint, then each value and file in a fixed order. */
public final class Fingerprint {

    private final MessageDigest digest;

    private Fingerprint(String endpoint) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        text(endpoint);
    }

    public static Fingerprint of(String endpoint) {
        return new Fingerprint(endpoint);
    }

    /** A value, told apart from null and from its neighbours (each is length-prefixed). */
    public Fingerprint text(Object value) {
        if (value == null) {
            digest.update((byte) 0);
            return this;
        }
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    public Fingerprint texts(List<String> values) {
        text(values == null ? null : values.size());
        if (values != null) {
            values.forEach(this::text);
        }
        return this;
    }

    /** A file's bytes (an upload's temporary file). */
    public Fingerprint file(Path file) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            text(Files.size(file));
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The uploaded files of a multipart request, in order (none: null). */
    public Fingerprint uploads(List<FileUpload> uploads) {
        text(uploads == null ? null : uploads.size());
        if (uploads != null) {
            uploads.forEach(upload -> file(upload.uploadedFile()));
        }
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
