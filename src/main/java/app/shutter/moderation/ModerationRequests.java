package app.shutter.moderation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** JSON bodies of reports and moderation actions. */
public final class ModerationRequests {

    static final String KINDS = "post|comment|story|account|message";
    static final String REASONS = "spam|nudity_or_sexual_content|violence|harassment_or_bullying|hate|self_harm"
            + "|intellectual_property|other";

    private ModerationRequests() {
    }

    /** POST /reports. */
    public record NewReport(@NotNull(message = "is required")
                            @Pattern(regexp = KINDS, message = "must be one of post, comment, story, account, message")
                            String kind,
                            @NotNull(message = "is required") Long targetId,
                            @NotNull(message = "is required")
                            @Pattern(regexp = REASONS, message = "must be one of spam, nudity_or_sexual_content, "
                                    + "violence, harassment_or_bullying, hate, self_harm, intellectual_property, other")
                            String reason,
                            @Size(max = 1000, message = "must be at most 1000 characters") String text) {
    }

    /** A suspension: why, and for how many hours (absent or null: indefinitely). */
    public record Suspension(@Size(max = 1000, message = "must be at most 1000 characters") String reason,
                             @Min(value = 1, message = "must be at least 1")
                             @Max(value = 87_600, message = "must be at most 87600 (ten years)") Integer hours) {
    }

    /** The body of a moderation action: why, shown to the account acted on and kept in the log. */
    public record Action(@Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }
}
