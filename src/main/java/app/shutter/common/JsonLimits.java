package app.shutter.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What the JSON reader refuses (400) before binding, so that nothing the client did not mean is stored:
 * nesting deeper than shutter.http.max-json-depth (no body of this API nests more than a few levels; Jackson's
 * own bound of 1000 would let a 1 MB body of brackets through); a field named twice, which records cannot take
 * (Jackson reported it as a server-side definition error, a 500; found by it/HostileInputIT); anything after
 * the value (a second object, stray words); a number or boolean where text is expected and text where a
 * number is ({@code {"caption":12}}); bytes that are not UTF-8, overlong forms included (Jackson decodes
 * {@code C0 AF} into "/"); and text with a lone UTF-16 surrogate ({@code "\ud800x"}, which PostgreSQL would
 * store as "?"). The body size bound is shutter.http.max-json-body-size.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    @ConfigProperty(name = "shutter.http.max-json-depth", defaultValue = "32")
    int maxDepth;

    @Override
    @SuppressWarnings("deprecation") // MapperFeature on a mapper not yet used, the customizer's contract
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build());
        mapper.getFactory().setInputDecorator(new StrictUtf8());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new WellFormedText()));
    }

    /** Reads a body through a decoder that reports malformed UTF-8 instead of Jackson's lenient one. */
    static final class StrictUtf8 extends InputDecorator {

        @Override
        public InputStream decorate(IOContext context, InputStream in) throws IOException {
            byte[] body = in.readAllBytes();
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw new JsonParseException(null, "The body is not valid UTF-8");
            }
            return new ByteArrayInputStream(body);
        }

        @Override
        public InputStream decorate(IOContext context, byte[] src, int offset, int length) throws IOException {
            return decorate(context, new ByteArrayInputStream(src, offset, length));
        }

        @Override
        public Reader decorate(IOContext context, Reader reader) {
            return reader;
        }
    }

    /** Text fields as Jackson reads them, refused when a UTF-16 surrogate is not part of a pair. */
    static final class WellFormedText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        throw context.weirdStringException(value, String.class, "has an unpaired surrogate");
                    }
                }
            }
            return value;
        }
    }
}
