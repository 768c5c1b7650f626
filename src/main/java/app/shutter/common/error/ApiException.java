package app.shutter.common.error;

import app.shutter.common.error.Problem.FieldError;

import java.util.List;

/** A failure the client caused, carried to {@link ProblemMappers} and rendered as problem+json. */
public class ApiException extends RuntimeException {

    private final int status;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ApiException(int status, String detail, List<FieldError> errors, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, detail, null, null);
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "The request is invalid", List.of(new FieldError(field, message)), null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, detail, null, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, detail, null, null);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, detail, null, null);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(409, "A unique value is already in use", List.of(new FieldError(field, message)),
                null);
    }

    public static ApiException contentTooLarge(String detail) {
        return new ApiException(413, detail, null, null);
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, detail, null, null);
    }

    /** A state the request cannot be applied to now (e.g. a limit reached, a request still running). */
    public static ApiException conflict(String detail) {
        return new ApiException(409, detail, null, null);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(422, detail, null, null);
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, detail, null, retryAfterSeconds);
    }

    public static ApiException unavailable(String detail, long retryAfterSeconds) {
        return new ApiException(503, detail, null, retryAfterSeconds);
    }

    public static ApiException insufficientStorage(String detail) {
        return new ApiException(507, detail, null, null);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
