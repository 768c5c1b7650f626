package app.shutter.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the JSON reader refuses (400) before binding: nesting deeper than shutter.http.max-json-depth (no
 * body of this API nests more than a few levels; Jackson's own bound of 1000 would let a 1 MB body of brackets
 * through), and a field named twice, which records cannot take (Jackson reported it as a server-side
 * definition error, a 500; found by it/HostileInputIT). The body size bound is shutter.http.max-json-body-size.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    @ConfigProperty(name = "shutter.http.max-json-depth", defaultValue = "32")
    int maxDepth;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
