package app.shutter.post;

import app.shutter.common.idempotency.Fingerprint;
import app.shutter.common.idempotency.Idempotency;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** A post's comments; replies and deletion are addressed by the comment alone (see CommentThreadResource). */
@Path("/posts/{postId}/comments")
@Authenticated
@Tag(name = "Comments", description = "Comments on posts and their replies (one level deep)")
public class CommentResource {

    @Inject
    CommentService comments;

    @Inject
    CurrentUser currentUser;

    @Inject
    Idempotency idempotency;

    @POST
    @Operation(summary = "Comment on a post, or reply with parentId (a reply to a reply joins the same thread)")
    @APIResponse(responseCode = "201", description = "The comment")
    @APIResponse(responseCode = "404", description = "No such post, or not visible to the caller")
    public Response addComment(@PathParam("postId") long postId, @Valid @NotNull PostRequests.NewComment request,
                               @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri) {
        long author = currentUser.id();
        return idempotency.once(author, key, () -> Fingerprint.of("POST /posts/{id}/comments").text(postId)
                .text(request.text()).text(request.parentId()).hex(), claim -> {
                    CommentView comment = comments.create(author, postId, request,
                            created -> claim.created(location(uri, created.id()), created));
                    return Response.created(location(uri, comment.id())).entity(comment).build();
                });
    }

    private static URI location(UriInfo uri, long id) {
        return uri.getBaseUriBuilder().path("comments").path(String.valueOf(id)).build();
    }

    @GET
    @Operation(summary = "A post's top-level comments, oldest first, with their reply counts")
    @APIResponse(responseCode = "404", description = "No such post, or not visible to the caller")
    public Page<CommentView> postComments(@PathParam("postId") long postId, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        return comments.comments(currentUser.id(), postId, PageRequest.of(limit, cursor));
    }
}
