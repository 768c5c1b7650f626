package app.shutter.story;

import app.shutter.common.idempotency.Fingerprint;
import app.shutter.common.idempotency.Idempotency;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import app.shutter.media.AltTexts;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.List;

@Path("/stories")
@Authenticated
@Tag(name = "Stories", description = "Photos and videos that disappear after 24 hours")
public class StoryResource {

    @Inject
    StoryService stories;

    @Inject
    StoryTray tray;

    @Inject
    StoryReactions reactions;

    @Inject
    CurrentUser currentUser;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Post a story: one multipart part 'media' (an image or a video), an optional 'altText'"
            + " part (what it shows, at most 1000 characters) and an optional 'audience' part: everyone (default) or"
            + " close_friends (only the accounts on the caller's close friends see it)")
    @APIResponse(responseCode = "201", description = "The story")
    public Response createStory(@RestForm(StoryService.MEDIA_PART) List<FileUpload> media,
                                @RestForm(AltTexts.PART) List<String> altText,
                                @RestForm(StoryAudience.PART) String audience,
                                @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri) {
        long author = currentUser.id();
        return idempotency.once(author, key, () -> Fingerprint.of("POST /stories").uploads(media)
                .texts(altText).text(audience).hex(), claim -> {
                    StoryView story = stories.create(author, media, altText, audience,
                            created -> claim.created(location(uri, created.id()), created));
                    return Response.created(location(uri, story.id())).entity(story).build();
                });
    }

    private static URI location(UriInfo uri, long id) {
        return uri.getBaseUriBuilder().path("stories").path(String.valueOf(id)).build();
    }

    @GET
    @Path("/feed")
    @Operation(summary = "The story tray: the caller's own stories, then followed accounts with live stories"
            + " (unseen first, then by latest story)")
    public Page<StoryTray.Entry> storyTray(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return tray.tray(currentUser.id(), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A live story")
    @APIResponse(responseCode = "404", description = "No such story, expired, or not visible to the caller")
    public StoryView getStory(@PathParam("id") long id) {
        return stories.story(currentUser.id(), id);
    }

    @POST
    @Path("/{id}/view")
    @Operation(summary = "Record that the caller viewed the story (idempotent; the author's own views do not count)")
    @APIResponse(responseCode = "204", description = "Viewed")
    public void viewStory(@PathParam("id") long id) {
        stories.view(currentUser.id(), id);
    }

    @PUT
    @Path("/{id}/reaction")
    @Operation(summary = "React to a story with one emoji of ❤️ 😂 😮 😢 😍 👏 🔥 🎉 (replaces the caller's earlier"
            + " one; counts as a view); the author reads it in the viewers list")
    @APIResponse(responseCode = "200", description = "The caller's reaction")
    @APIResponse(responseCode = "404", description = "No such story, expired, or not visible to the caller")
    public StoryReactions.Reaction reactToStory(@PathParam("id") long id, StoryReactions.Reaction reaction) {
        return reactions.react(currentUser.id(), id, reaction);
    }

    @DELETE
    @Path("/{id}/reaction")
    @Operation(summary = "Take the caller's reaction back (idempotent)")
    @APIResponse(responseCode = "204", description = "No reaction")
    @APIResponse(responseCode = "404", description = "No such story, expired, or not visible to the caller")
    public void withdrawStoryReaction(@PathParam("id") long id) {
        reactions.withdraw(currentUser.id(), id);
    }

    @GET
    @Path("/{id}/viewers")
    @Operation(summary = "Who viewed the story, newest first (author only)")
    @APIResponse(responseCode = "403", description = "Someone else's story")
    public Page<StoryService.Viewer> storyViewers(@PathParam("id") long id, @QueryParam("limit") String limit,
                                                  @QueryParam("cursor") String cursor) {
        return stories.viewers(currentUser.id(), id, PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a story (author only)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Someone else's story")
    public void deleteStory(@PathParam("id") long id) {
        stories.delete(currentUser.id(), id);
    }
}
