package app.shutter.graph;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users")
@Authenticated
@Tag(name = "Social graph", description = "Follows, follow requests and blocks")
public class GraphResource {

    @Inject
    GraphService graph;

    @Inject
    GraphQueries queries;

    @Inject
    CurrentUser currentUser;

    @Inject
    UserSearch search;

    @POST
    @Path("/{username}/follow")
    @Operation(summary = "Follow (public account) or request to follow (private account); idempotent")
    @APIResponse(responseCode = "200", description = "following or requested")
    @APIResponse(responseCode = "400", description = "Following yourself")
    @APIResponse(responseCode = "403", description = "You block this account")
    @APIResponse(responseCode = "404", description = "No such user")
    public GraphItems.FollowStatus follow(@PathParam("username") String username) {
        return new GraphItems.FollowStatus(graph.follow(currentUser.id(), username).name());
    }

    @DELETE
    @Path("/{username}/follow")
    @Operation(summary = "Unfollow, or cancel a pending request; idempotent")
    @APIResponse(responseCode = "204", description = "Not following any more")
    @APIResponse(responseCode = "404", description = "No such user")
    public void unfollow(@PathParam("username") String username) {
        graph.unfollow(currentUser.id(), username);
    }

    @DELETE
    @Path("/{username}/follower")
    @Operation(summary = "Remove someone who follows you; idempotent")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such user")
    public void removeFollower(@PathParam("username") String username) {
        graph.removeFollower(currentUser.id(), username);
    }

    @GET
    @Path("/{username}/followers")
    @Operation(summary = "Who follows this account, newest first")
    @APIResponse(responseCode = "200", description = "A page of followers")
    @APIResponse(responseCode = "403", description = "The account is private and you do not follow it")
    @APIResponse(responseCode = "404", description = "No such user")
    public Page<GraphItems.UserItem> followers(@PathParam("username") String username,
                                               @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queries.followers(currentUser.id(), username, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{username}/following")
    @Operation(summary = "Whom this account follows, newest first")
    @APIResponse(responseCode = "200", description = "A page of accounts")
    @APIResponse(responseCode = "403", description = "The account is private and you do not follow it")
    @APIResponse(responseCode = "404", description = "No such user")
    public Page<GraphItems.UserItem> following(@PathParam("username") String username,
                                               @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queries.following(currentUser.id(), username, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{username}/block")
    @Operation(summary = "Block: ends follows and requests both ways and hides you from them; idempotent")
    @APIResponse(responseCode = "204", description = "Blocked")
    @APIResponse(responseCode = "400", description = "Blocking yourself")
    @APIResponse(responseCode = "404", description = "No such user")
    public void block(@PathParam("username") String username) {
        graph.block(currentUser.id(), username);
    }

    @DELETE
    @Path("/{username}/block")
    @Operation(summary = "Unblock; idempotent")
    @APIResponse(responseCode = "204", description = "Unblocked")
    @APIResponse(responseCode = "404", description = "No such user")
    public void unblock(@PathParam("username") String username) {
        graph.unblock(currentUser.id(), username);
    }

    @GET
    @Path("/me/blocked")
    @Operation(summary = "Accounts you block, most recently blocked first")
    @APIResponse(responseCode = "200", description = "A page of blocked accounts")
    public Page<GraphItems.Blocked> blocked(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queries.blocked(currentUser.id(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/by-id/{id}")
    @Tag(name = "Users")
    @Operation(summary = "A user's public profile by account id, with the same visibility as by username")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No such user, or not visible to the caller")
    public PublicProfile profileById(@PathParam("id") long id) {
        return graph.profile(currentUser.id(), id);
    }

    @GET
    @Path("/{username}")
    @Tag(name = "Users")
    @Operation(summary = "A user's public profile")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No such user, or deactivated")
    public PublicProfile profile(@PathParam("username") String username) {
        return graph.profile(currentUser.id(), username);
    }

    @GET
    @Tag(name = "Users")
    @Operation(summary = "Search users: the exact username first, then accounts with a word of their username or name"
            + " that starts with the query, in the order of the matching words (case, accent and punctuation"
            + " insensitive: 'jean luc' finds Jean-Luc and jean_luc)")
    @APIResponse(responseCode = "200", description = "A page of matching accounts")
    public Page<GraphItems.UserItem> search(@QueryParam("q") String q, @QueryParam("limit") String limit,
                                            @QueryParam("cursor") String cursor) {
        return search.search(currentUser.id(), q, limit, cursor);
    }
}
