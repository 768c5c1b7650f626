package app.shutter.common.devenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** An RSA key pair for dev mode, tests and demos; production supplies its own keys. */
public record ThrowawayJwtKeys(Path privateKey, Path publicKey) {

    public static synchronized ThrowawayJwtKeys loadOrCreate(Path dir) {
        ThrowawayJwtKeys keys = new ThrowawayJwtKeys(dir.resolve("private-key.pem").toAbsolutePath(),
                dir.resolve("public-key.pem").toAbsolutePath());
        if (Files.exists(keys.privateKey()) && Files.exists(keys.publicKey())) {
            return keys;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Files.writeString(keys.privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    StandardCharsets.US_ASCII);
            Files.writeString(keys.publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    StandardCharsets.US_ASCII);
            return keys;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write throwaway JWT keys to " + dir, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
