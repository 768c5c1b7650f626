package app.shutter.post;

import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users/me/hidden-words")
@Authenticated
@Tag(name = "Users", description = "Profiles and the caller's own account")
public class HiddenWordsResource {

    @Inject
    HiddenWords hiddenWords;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The words and phrases hidden from the comments on the caller's posts")
    public HiddenWords.Words words() {
        return hiddenWords.list(currentUser.id());
    }

    @PUT
    @Operation(summary = "Replace the hidden words (at most 200): comments and replies on your posts that contain one,"
            + " as a whole word or phrase ignoring case and accents, are seen by their own author only; existing"
            + " comments follow the new list at once")
    public HiddenWords.Words replace(HiddenWords.Words words) {
        return hiddenWords.replace(currentUser.id(), words);
    }
}
