package app.shutter.common.security;

import app.shutter.common.error.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller, as their verified access token names them: subject = user id, sid = session id. */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken jwt;

    public long id() {
        Long id = userIdOf(jwt);
        if (id == null) {
            throw ApiException.unauthorized("A valid access token is required");
        }
        return id;
    }

    public long sessionId() {
        Long sid = sessionIdOf(jwt);
        if (sid == null) {
            throw ApiException.unauthorized("A valid access token is required");
        }
        return sid;
    }

    static Long userIdOf(JsonWebToken token) {
        try {
            return token.getSubject() == null ? null : Long.valueOf(token.getSubject());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long sessionIdOf(JsonWebToken token) {
        Object sid = token.getClaim("sid");
        if (sid instanceof Number number) {
            return number.longValue();
        }
        if (sid instanceof jakarta.json.JsonNumber number) {
            return number.longValue();
        }
        return null;
    }
}
