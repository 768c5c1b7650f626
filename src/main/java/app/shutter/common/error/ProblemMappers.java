package app.shutter.common.error;

import app.shutter.common.error.Problem.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The one place where exceptions become problem+json; nothing internal (stack, SQL, class) leaks. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response response = Problems.response(e.status(), e.getMessage(), path(uri), e.errors());
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .collect(Collectors.toList());
        return Problems.response(400, "The request is invalid", path(uri), errors);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return Problems.response(400, "The request body has a field that cannot be set here", path(uri),
                List.of(new FieldError(e.getPropertyName(), "is not a recognised field")));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        if (field.isEmpty()) {
            return Problems.response(400, "The request body is missing or not a JSON object", path(uri), null);
        }
        return Problems.response(400, "The request body is invalid", path(uri),
                List.of(new FieldError(field, "has the wrong type")));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return Problems.response(400, "The request body is not valid JSON", path(uri), null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(Exception e, UriInfo uri) {
        return Problems.response(401, Problems.defaultDetail(401), path(uri), null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(403, Problems.defaultDetail(403), path(uri), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response response = Problems.response(status, Problems.defaultDetail(status), path(uri), null);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return Response.fromResponse(Problems.response(503, Problems.defaultDetail(503), path(uri), null))
                    .header(HttpHeaders.RETRY_AFTER, 5).build();
        }
        if (DatabaseFailures.isUnstorableText(e)) {
            return Problems.response(400, "Text may not contain the NUL character (U+0000)", path(uri), null);
        }
        if (isCutOffMultipart(e)) {
            return Problems.response(400, "The multipart body ended before its closing boundary (cut off, or"
                    + " its parts do not use the boundary of the Content-Type header)", path(uri), null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return Problems.response(500, "An unexpected error occurred (incident " + incident + ")", path(uri), null);
    }

    /**
     * Quarkus's multipart parser reports a body that ends before its closing boundary as a plain IOException
     * ("Connection terminated parsing multipart request") thrown from its own package: the client's error.
     */
    private static boolean isCutOffMultipart(Throwable e) {
        StackTraceElement[] stack = e.getStackTrace();
        return e instanceof IOException && stack.length > 0
                && stack[0].getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        return name == null ? "body" : name;
    }
}
