package app.shutter.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** The application on the S3 media store, against a real S3 API server ({@link S3ProxyServer}). */
public class S3Store implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyServer.class));
    }
}
