package app.shutter.media;

import app.shutter.support.S3Store;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Placeholders and their backfill, with every file in a bucket of a real S3 API server instead of the local folder. */
@QuarkusTest
@TestProfile(S3Store.class)
class PlaceholderOnS3Test extends PlaceholderTest {
}
