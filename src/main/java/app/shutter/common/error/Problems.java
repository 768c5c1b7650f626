package app.shutter.common.error;

import app.shutter.common.error.Problem.FieldError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem+json responses; shared by the JAX-RS mappers and the Vert.x route handlers. */
public final class Problems {

    private Problems() {
    }

    public static Problem problem(int status, String detail, String path, List<FieldError> errors) {
        return new Problem("about:blank", title(status), status, detail, path, errors);
    }

    public static Response response(int status, String detail, String path, List<FieldError> errors) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(problem(status, detail, path, errors));
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    public static String title(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 507 -> "Insufficient Storage";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known != null ? known.getReasonPhrase() : "Error";
            }
        };
    }

    public static String defaultDetail(int status) {
        return switch (status) {
            case 401 -> "A valid access token is required";
            case 403 -> "You are not allowed to do this";
            case 404 -> "Not found";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "The requested representation is not available; ask for application/json";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported media type";
            case 503 -> "The service is temporarily unavailable; try again shortly";
            default -> title(status);
        };
    }
}
