package app.shutter.media;

import app.shutter.support.S3Store;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Uploads cut off mid-body, with the S3 store: nothing reaches the bucket, no row is written. */
@QuarkusTest
@TestProfile(S3Store.class)
class CutOffMultipartOnS3Test extends CutOffMultipartTest {
}
