package app.shutter.story;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users")
@Authenticated
@Tag(name = "Stories")
public class UserStoriesResource {

    @Inject
    StoryService stories;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/{username}/stories")
    @Operation(summary = "A user's live stories, oldest first")
    @APIResponse(responseCode = "403", description = "A private account the caller does not follow")
    @APIResponse(responseCode = "404", description = "No such user")
    public Page<StoryView> userStories(@PathParam("username") String username, @QueryParam("limit") String limit,
                                       @QueryParam("cursor") String cursor) {
        return stories.ofUser(currentUser.id(), username, PageRequest.of(limit, cursor));
    }
}
