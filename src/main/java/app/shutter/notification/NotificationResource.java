package app.shutter.notification;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.vertx.core.http.HttpServerResponse;

@Path("/notifications")
@Authenticated
@Tag(name = "Notifications", description = "Stored notifications and their live stream")
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    NotificationStreams streams;

    @Inject
    CurrentUser currentUser;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "The caller's notifications, newest first")
    public Page<NotificationView> listNotifications(@QueryParam("limit") String limit,
                                                    @QueryParam("cursor") String cursor) {
        return notifications.list(currentUser.id(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many notifications are unread")
    public UnreadCount unreadCount() {
        return new UnreadCount(notifications.unreadCount(currentUser.id()));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one notification read (idempotent)")
    @APIResponse(responseCode = "204", description = "Read")
    @APIResponse(responseCode = "404", description = "No such notification of the caller's")
    public void markRead(@PathParam("id") long id) {
        notifications.markRead(currentUser.id(), id);
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark every notification read")
    @APIResponse(responseCode = "204", description = "All read")
    public void markAllRead() {
        notifications.markAllRead(currentUser.id());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live notifications as Server-Sent Events (event name = type, data = the notification,"
            + " id = position to resume from). Token in the Authorization header or ?token=. Sends what was"
            + " missed after Last-Event-ID first; ends when the token expires or its session ends.")
    @APIResponse(responseCode = "200", description = "The event stream; each event's data is a notification",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response,
                       @Parameter(description = "The id of the last event received, to resume after it")
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @Parameter(description = "The same for clients that open a new connection (a browser's"
                               + " EventSource cannot set the header, e.g. after renewing its token); the header wins")
                       @QueryParam("lastEventId") String lastEventIdParameter) {
        // no caching, and no buffering by nginx-style proxies in front of the instances
        response.putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        Long resumeAfter = resumeAfter(lastEventId != null ? lastEventId : lastEventIdParameter);
        streams.open(currentUser.id(), currentUser.sessionId(), token.getExpirationTime(), resumeAfter, sink, sse);
    }

    private static Long resumeAfter(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(lastEventId.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.invalidField("Last-Event-ID", "is not an event id this stream sent");
    }

    public record UnreadCount(long count) {
    }
}
