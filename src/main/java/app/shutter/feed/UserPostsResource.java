package app.shutter.feed;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import app.shutter.post.PostView;
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
@Tag(name = "Feeds")
public class UserPostsResource {

    @Inject
    FeedService feeds;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/{username}/posts")
    @Operation(summary = "A user's posts")
    @APIResponse(responseCode = "403", description = "A private account the caller does not follow")
    @APIResponse(responseCode = "404", description = "No such user")
    public Page<PostView> userPosts(@PathParam("username") String username, @QueryParam("limit") String limit,
                                  @QueryParam("cursor") String cursor) {
        return feeds.profile(currentUser.id(), username, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{username}/pinned")
    @Operation(summary = "A user's pinned posts (at most 3, newest pin first; one page, nextCursor is null)")
    @APIResponse(responseCode = "403", description = "A private account the caller does not follow")
    @APIResponse(responseCode = "404", description = "No such user")
    public Page<PostView> pinnedPosts(@PathParam("username") String username) {
        return feeds.pinned(currentUser.id(), username);
    }

    @GET
    @Path("/me/saved")
    @Operation(summary = "The caller's saved posts, newest save first")
    public Page<PostView> savedPosts(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return feeds.saved(currentUser.id(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/me/archive")
    @Operation(summary = "The caller's archived posts, most recently archived first (only they see them)")
    public Page<PostView> archivedPosts(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return feeds.archive(currentUser.id(), PageRequest.of(limit, cursor));
    }
}
