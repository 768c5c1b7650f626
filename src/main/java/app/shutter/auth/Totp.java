package app.shutter.auth;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: SHA-1, 6 digits, 30 s steps, a
 * 160-bit secret in base32. The library computes the codes; this class says which time step a code belongs to,
 * so that the caller can refuse a step accepted before.
 */
final class Totp {

    static final String ISSUER = "Shutter";
    private static final int PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;
    /** Steps accepted either side of now: a phone's clock a little off, a code typed as it changes. */
    private static final int DRIFT = 1;
    private static final int QR_SIZE = 240;

    private static final CodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    private Totp() {
    }

    static String newSecret() {
        // a generator per secret: a static one (and its SecureRandom) could be created while a native image is
        // built, with a fixed seed
        SecretGenerator secrets = new DefaultSecretGenerator(32);
        return secrets.generate();
    }

    static long stepAt(Instant time) {
        return time.getEpochSecond() / PERIOD_SECONDS;
    }

    /** The step of {@code code} near {@code now}, if it is the code of one; every candidate compared in constant time. */
    static OptionalLong stepOf(String secret, String code, Instant now) {
        long current = stepAt(now);
        OptionalLong found = OptionalLong.empty();
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = current - DRIFT; step <= current + DRIFT; step++) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), given)) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }

    static String codeAt(String secret, long step) {
        try {
            return CODES.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("A stored TOTP secret is not valid base32", e);
        }
    }

    /** The otpauth:// URI authenticator apps read from the QR code. */
    static String uri(String secret, String account) {
        return new QrData.Builder().label(account).secret(secret).issuer(ISSUER).algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
    }

    /** The URI as a QR code: a PNG, as a data: URI an {@code <img>} shows directly. */
    static String qrCode(String uri) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, QR_SIZE, QR_SIZE);
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("An otpauth URI does not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
