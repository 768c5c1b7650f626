package app.shutter.media;

import app.shutter.support.S3Store;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The sweep of files no row points to, over the objects of a bucket of a real S3 API server. */
@QuarkusTest
@TestProfile(S3Store.class)
class MediaSweepOnS3Test extends MediaSweepTest {
}
