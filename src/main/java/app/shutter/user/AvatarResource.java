package app.shutter.user;

import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/users/me/avatar")
@Authenticated
@Tag(name = "Users")
public class AvatarResource {

    public record AvatarResponse(String avatarUrl) {
    }

    @Inject
    AvatarService avatars;

    @Inject
    CurrentUser currentUser;

    @PUT
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a profile picture (multipart part 'profilePicture': JPEG, PNG, WebP or GIF)",
            description = "The image is re-encoded without metadata, turned upright and scaled to at most 320 px.")
    @APIResponse(responseCode = "200", description = "The new picture's URL")
    @APIResponse(responseCode = "422", description = "Not decodable, or too many pixels")
    public AvatarResponse replaceAvatar(@RestForm(AvatarService.PART) FileUpload profilePicture) {
        return new AvatarResponse(avatars.replace(currentUser.id(), profilePicture));
    }

    @DELETE
    @Operation(summary = "Remove the profile picture")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeAvatar() {
        avatars.remove(currentUser.id());
    }
}
