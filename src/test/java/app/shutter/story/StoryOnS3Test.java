package app.shutter.story;

import app.shutter.support.S3Store;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Stories, with every file in a bucket of a real S3 API server instead of the local folder. */
@QuarkusTest
@TestProfile(S3Store.class)
class StoryOnS3Test extends StoryTest {
}
