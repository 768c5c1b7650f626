package app.shutter.user;

import app.shutter.common.PatchBody;
import app.shutter.common.Text;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * PATCH /users/me. Remembers which fields were sent: an absent field is unchanged, null clears it.
 * Unknown fields (id, username, email, counts, password...) are refused by Jackson with 400.
 */
@Schema(name = "ProfilePatch")
public class ProfilePatch extends PatchBody {

    @Size(max = 50)
    @Schema(example = "Jane Doe")
    private String name;

    @Size(max = 150)
    @Schema(example = "Street and travel photography")
    private String bio;

    @Size(max = 200)
    @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an http(s) URL")
    @Schema(example = "https://jane.example.com")
    private String website;

    @Pattern(regexp = "^\\+?[0-9 ()-]{6,20}$", message = "must be a phone number")
    @Schema(example = "+44 20 7946 0958")
    private String phone;

    @Schema(description = "Cannot be null")
    private Boolean isPrivate;

    public void setName(String name) {
        this.name = Text.trimToNull(name);
        sent("name");
    }

    public void setBio(String bio) {
        this.bio = Text.trimToNull(bio);
        sent("bio");
    }

    public void setWebsite(String website) {
        this.website = Text.trimToNull(website);
        sent("website");
    }

    public void setPhone(String phone) {
        this.phone = Text.trimToNull(phone);
        sent("phone");
    }

    public void setIsPrivate(Boolean isPrivate) {
        this.isPrivate = isPrivate;
        sent("isPrivate");
    }

    public String name() {
        return name;
    }

    public String bio() {
        return bio;
    }

    public String website() {
        return website;
    }

    public String phone() {
        return phone;
    }

    public Boolean isPrivate() {
        return isPrivate;
    }
}
