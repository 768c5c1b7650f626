package app.shutter.chat;

import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/stories")
@Authenticated
@Tag(name = "Stories")
public class StoryReplyResource {

    @Inject
    StoryReplies replies;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/{id}/reply")
    @Operation(summary = "Reply to a story: a chat message to its author that names the story (chat rules apply:"
            + " the two must follow each other). It stays in the conversation after the story expires, with"
            + " story.available false")
    @APIResponse(responseCode = "201", description = "The message, as the conversation lists it")
    @APIResponse(responseCode = "403", description = "The caller and the author do not follow each other")
    @APIResponse(responseCode = "404", description = "No such story, expired, or not visible to the caller")
    public Response replyToStory(@PathParam("id") long id, StoryReplies.Reply reply) {
        return Response.status(Response.Status.CREATED).entity(replies.reply(currentUser.id(), id, reply)).build();
    }
}
