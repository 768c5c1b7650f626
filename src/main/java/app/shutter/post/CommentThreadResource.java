package app.shutter.post;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import app.shutter.graph.GraphItems;
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

@Path("/comments")
@Authenticated
@Tag(name = "Comments")
public class CommentThreadResource {

    @Inject
    CommentService comments;

    @Inject
    CommentLikes likes;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/{id}")
    @Operation(summary = "A comment or reply")
    @APIResponse(responseCode = "404", description = "No such comment, or not visible to the caller")
    public CommentView getComment(@PathParam("id") long id) {
        return comments.comment(currentUser.id(), id);
    }

    @GET
    @Path("/{id}/replies")
    @Operation(summary = "A comment's replies, oldest first")
    @APIResponse(responseCode = "404", description = "No such comment, or not visible to the caller")
    public Page<CommentView> replies(@PathParam("id") long id, @QueryParam("limit") String limit,
                                     @QueryParam("cursor") String cursor) {
        return comments.replies(currentUser.id(), id, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/like")
    @Operation(summary = "Like a comment or reply (idempotent)")
    @APIResponse(responseCode = "404", description = "No such comment, or not visible to the caller")
    public PostRequests.LikeState likeComment(@PathParam("id") long id) {
        return likes.like(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}/like")
    @Operation(summary = "Take a like of a comment back (idempotent)")
    @APIResponse(responseCode = "404", description = "No such comment, or not visible to the caller")
    public PostRequests.LikeState unlikeComment(@PathParam("id") long id) {
        return likes.unlike(currentUser.id(), id);
    }

    @GET
    @Path("/{id}/likes")
    @Operation(summary = "Who liked the comment, newest first")
    @APIResponse(responseCode = "404", description = "No such comment, or not visible to the caller")
    public Page<GraphItems.UserItem> commentLikers(@PathParam("id") long id, @QueryParam("limit") String limit,
                                                   @QueryParam("cursor") String cursor) {
        return likes.likers(currentUser.id(), id, PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a comment with its replies (the comment's author or the post's author)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Neither the comment's author nor the post's author")
    public void deleteComment(@PathParam("id") long id) {
        comments.delete(currentUser.id(), id);
    }
}
