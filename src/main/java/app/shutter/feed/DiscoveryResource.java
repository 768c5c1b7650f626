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

/** Finding posts beyond the accounts one follows: by hashtag and by ranking. */
@Path("/")
@Authenticated
@Tag(name = "Feeds")
public class DiscoveryResource {

    @Inject
    FeedService feeds;

    @Inject
    ExploreService explore;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("tags/{tag}/posts")
    @Operation(summary = "Posts with a hashtag (with or without '#', any case), newest first")
    @APIResponse(responseCode = "400", description = "Not a hashtag")
    public Page<PostView> taggedPosts(@PathParam("tag") String tag, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        return feeds.tagged(currentUser.id(), tag, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("explore")
    @Operation(summary = "Discovery: popular recent posts of public accounts the caller does not follow,"
            + " ranked every few minutes; the cursor stays within one ranking")
    @APIResponse(responseCode = "400", description = "The cursor's ranking has expired: start again")
    public Page<PostView> explorePosts(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return explore.explore(currentUser.id(), PageRequest.of(limit, cursor));
    }
}
