package app.shutter.feed;

import app.shutter.common.pagination.Page;
import app.shutter.common.security.CurrentUser;
import app.shutter.post.PostView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/feed")
@Authenticated
@Tag(name = "Feeds", description = "Lists of posts, newest first")
public class FeedResource {

    @Inject
    FeedService feeds;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "Home feed: the caller's posts and those of accounts they follow")
    public Page<PostView> homeFeed(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return feeds.home(currentUser.id(), limit, cursor);
    }
}
