package app.shutter.chat;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/chats")
@Authenticated
@Tag(name = "Chat", description = "Conversation history; live messages go over the /chat WebSocket")
public class ChatResource {

    @Inject
    ChatHistory history;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The caller's conversations, most recent first")
    public Page<ChatHistory.Conversation> listChats(@QueryParam("limit") String limit,
                                                        @QueryParam("cursor") String cursor) {
        return history.conversations(currentUser.id(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{userId}/messages")
    @Operation(summary = "Messages with a user, newest first")
    @APIResponse(responseCode = "404", description = "No such user, or a block between the two")
    public Page<ChatHistory.StoredMessage> chatMessages(@PathParam("userId") long userId,
                                                    @QueryParam("limit") String limit,
                                                    @QueryParam("cursor") String cursor) {
        return history.messages(currentUser.id(), userId, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{userId}/read")
    @Operation(summary = "Mark that user's messages to the caller read (all, or up to upToId); their open"
            + " sockets get a read frame")
    @APIResponse(responseCode = "204", description = "Read")
    @APIResponse(responseCode = "404", description = "No such user, or a block between the two")
    public void markChatRead(@PathParam("userId") long userId, ChatHistory.ReadRequest request) {
        history.markRead(currentUser.id(), userId, request == null ? null : request.upToId());
    }
}
