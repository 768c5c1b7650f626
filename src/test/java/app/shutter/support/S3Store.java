package app.shutter.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The application on the S3 media store, against a real S3 API server ({@link S3ProxyServer}), with the
 * smallest part size S3 takes, so that a video of a few megabytes already goes up in parts.
 */
public class S3Store implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("shutter.media.s3.part-size", "5M");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyServer.class));
    }
}
