package app.shutter.media;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

import java.util.function.BooleanSupplier;

/**
 * For a native image: the AWS SDK's checksum provider names classes of the optional AWS CRT library (CRC64NVME,
 * a native CRC32C, xxHash), which this application does not ship, and the image builder links every reachable
 * type at build time. Without the library the SDK would fail those calls anyway (CRC32C falls back to its Java
 * implementation when the CRT one is null); the replacements below say so without naming the missing types. The
 * store sends checksums only where S3 requires them (MD5 or CRC32), so none of these is ever asked for. A JVM
 * ignores all of this.
 */
final class AwsSdkNativeSubstitutions {

    static final String NO_CRT = "The AWS CRT library (software.amazon.awssdk.crt:aws-crt) is not part of this"
            + " application: no ";

    private AwsSdkNativeSubstitutions() {
    }

    /** The replacements apply only when the CRT library is absent (adding it brings the SDK's own code back). */
    static final class WithoutAwsCrt implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            try {
                Class.forName("software.amazon.awssdk.crt.checksums.CRC64NVME", false,
                        Thread.currentThread().getContextClassLoader());
                return false;
            } catch (ClassNotFoundException e) {
                return true;
            }
        }
    }
}

/** The methods of the SDK's ChecksumProvider that name CRT types (a substitution class holds nothing else). */
@TargetClass(className = "software.amazon.awssdk.checksums.internal.ChecksumProvider",
        onlyWith = AwsSdkNativeSubstitutions.WithoutAwsCrt.class)
final class Target_software_amazon_awssdk_checksums_internal_ChecksumProvider {

    @Substitute
    static SdkChecksum crc64NvmeCrtImplementation() {
        throw new UnsupportedOperationException(AwsSdkNativeSubstitutions.NO_CRT + "CRC64NVME checksums");
    }

    @Substitute
    static SdkChecksum createCrtCrc32C() {
        return null; // the caller then uses the JDK's CRC32C
    }

    @Substitute
    static SdkChecksum crtXxHash(ChecksumAlgorithm algorithm) {
        throw new UnsupportedOperationException(AwsSdkNativeSubstitutions.NO_CRT + algorithm.algorithmId()
                + " checksums");
    }
}
