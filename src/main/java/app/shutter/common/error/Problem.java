package app.shutter.common.error;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem document; every error the API returns has this shape. Registered for reflection: it
 * is written from exception mappers and route handlers, never as a REST method's declared type, so a native
 * image would not keep its accessors for Jackson otherwise.
 */
@RegisterForReflection(targets = {Problem.class, Problem.FieldError.class})
@Schema(name = "Problem", description = "application/problem+json error body")
public record Problem(
        @Schema(example = "about:blank") String type,
        @Schema(example = "Bad Request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "The request body is invalid") String detail,
        @Schema(example = "/auth/register") String instance,
        @Schema(description = "Field errors for 400 and 409, otherwise null") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(@Schema(example = "username") String field,
                             @Schema(example = "is already taken") String message) {
    }
}
