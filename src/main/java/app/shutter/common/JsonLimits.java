package app.shutter.common;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * No request body of this API nests more than a few levels, so JSON deeper than shutter.http.max-json-depth
 * is refused (400) before it is parsed further; Jackson's own bound (1000) would let a 1 MB body of brackets
 * through. The body size bound is shutter.http.max-json-body-size.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    @ConfigProperty(name = "shutter.http.max-json-depth", defaultValue = "32")
    int maxDepth;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build());
    }
}
