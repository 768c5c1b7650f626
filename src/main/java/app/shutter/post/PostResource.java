package app.shutter.post;

import app.shutter.common.idempotency.Fingerprint;
import app.shutter.common.idempotency.Idempotency;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import app.shutter.graph.GraphItems;
import app.shutter.media.AltTexts;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.List;

@Path("/posts")
@Authenticated
@Tag(name = "Posts", description = "Photo and video posts, likes and saves")
public class PostResource {

    @Inject
    PostService posts;

    @Inject
    PostEditor editor;

    @Inject
    PostPlacement placement;

    @Inject
    PostHistory history;

    @Inject
    PostInteractions interactions;

    @Inject
    CurrentUser currentUser;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Publish a post: 1-10 multipart parts 'media' (images or videos, in carousel order),"
            + " an optional 'caption' part (at most 2200 characters) and optional 'altText' parts, one per media"
            + " item in the same order (what it shows, at most 1000 characters; empty for none); optional"
            + " 'sensitive' (true/false) and 'contentWarning' (at most 200 characters; marks the post sensitive),"
            + " 'hideLikeCount' (true/false: only the author sees the count and the likers), 'commentPolicy'"
            + " (everyone, followers or off; everyone by default)")
    @APIResponse(responseCode = "201", description = "The post")
    @APIResponse(responseCode = "422", description = "A file could not be decoded or declares too many pixels")
    public Response createPost(@RestForm(PostService.MEDIA_PART) List<FileUpload> media, @RestForm String caption,
                               @RestForm(AltTexts.PART) List<String> altText, @RestForm String sensitive,
                               @RestForm String contentWarning, @RestForm String hideLikeCount,
                               @RestForm String commentPolicy,
                               @Parameter(description = "Retrying with the same key answers the first response and"
                                       + " creates nothing (24 h)") @HeaderParam(Idempotency.HEADER) String key,
                               @jakarta.ws.rs.core.Context UriInfo uri) {
        PostSettings settings = PostSettings.ofParts(sensitive, contentWarning, hideLikeCount, commentPolicy);
        long author = currentUser.id();
        return idempotency.once(author, key, () -> Fingerprint.of("POST /posts").uploads(media).text(caption)
                .texts(altText).text(sensitive).text(contentWarning).text(hideLikeCount).text(commentPolicy).hex(), claim -> {
                    PostView post = posts.create(author, media, caption, altText, settings,
                            created -> claim.created(location(uri, created.id()), created));
                    return Response.created(location(uri, post.id())).entity(post).build();
                });
    }

    private static URI location(UriInfo uri, long id) {
        return uri.getBaseUriBuilder().path("posts").path(String.valueOf(id)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A post")
    @APIResponse(responseCode = "404", description = "No such post, or not visible to the caller")
    public PostView getPost(@PathParam("id") long id) {
        return posts.view(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Edit the caption, the media (remove or reorder by id), their alt texts, the content"
            + " warning or whether the like count is hidden (author only); absent fields stay as they are. A change"
            + " of the caption, media or alt texts sets editedAt and keeps the earlier version in the history")
    @APIResponse(responseCode = "403", description = "Someone else's post")
    public PostView editPost(@PathParam("id") long id, @Valid @NotNull PostEdit edit) {
        return editor.edit(currentUser.id(), id, edit);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Earlier versions of a post, newest first: caption and media as they were (media removed"
            + " since have no URLs)")
    @APIResponse(responseCode = "404", description = "No such post, or not visible to the caller")
    public Page<PostVersionView> history(@PathParam("id") long id, @QueryParam("limit") String limit,
                                         @QueryParam("cursor") String cursor) {
        return history.list(currentUser.id(), id, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/archive")
    @Operation(summary = "Archive your post: hidden from everyone else and from every list (yours in"
            + " /users/me/archive), unpinned, not counted in the profile; likes and comments stay (idempotent)")
    @APIResponse(responseCode = "204", description = "Archived")
    @APIResponse(responseCode = "403", description = "Someone else's post")
    public void archivePost(@PathParam("id") long id) {
        placement.archive(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}/archive")
    @Operation(summary = "Unarchive your post: back in its place (idempotent)")
    @APIResponse(responseCode = "204", description = "Not archived")
    @APIResponse(responseCode = "403", description = "Someone else's post")
    public void unarchivePost(@PathParam("id") long id) {
        placement.unarchive(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a post with its likes, saves and files (author only)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Someone else's post")
    public void deletePost(@PathParam("id") long id) {
        posts.delete(currentUser.id(), id);
    }

    @POST
    @Path("/{id}/like")
    @Operation(summary = "Like a post (idempotent)")
    public PostRequests.LikeState likePost(@PathParam("id") long id) {
        return interactions.like(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}/like")
    @Operation(summary = "Take a like back (idempotent)")
    public PostRequests.LikeState unlikePost(@PathParam("id") long id) {
        return interactions.unlike(currentUser.id(), id);
    }

    @GET
    @Path("/{id}/likes")
    @Operation(summary = "Who liked the post, newest first")
    public Page<GraphItems.UserItem> likers(@PathParam("id") long id, @QueryParam("limit") String limit,
                                            @QueryParam("cursor") String cursor) {
        return interactions.likers(currentUser.id(), id, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/pin")
    @Operation(summary = "Pin your post to the top of your profile (at most 3; idempotent)")
    @APIResponse(responseCode = "204", description = "Pinned")
    @APIResponse(responseCode = "403", description = "Someone else's post")
    @APIResponse(responseCode = "409", description = "Three posts are pinned already, or the post is archived")
    public void pinPost(@PathParam("id") long id) {
        placement.pin(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}/pin")
    @Operation(summary = "Unpin your post (idempotent)")
    @APIResponse(responseCode = "204", description = "Not pinned")
    @APIResponse(responseCode = "403", description = "Someone else's post")
    public void unpinPost(@PathParam("id") long id) {
        placement.unpin(currentUser.id(), id);
    }

    @POST
    @Path("/{id}/save")
    @Operation(summary = "Save a post (idempotent)")
    @APIResponse(responseCode = "204", description = "Saved")
    public void savePost(@PathParam("id") long id) {
        interactions.save(currentUser.id(), id);
    }

    @DELETE
    @Path("/{id}/save")
    @Operation(summary = "Unsave a post (idempotent)")
    @APIResponse(responseCode = "204", description = "Not saved")
    public void unsavePost(@PathParam("id") long id) {
        interactions.unsave(currentUser.id(), id);
    }
}
