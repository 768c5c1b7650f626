package app.shutter.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.HashSet;
import java.util.Set;

/**
 * A PATCH body that remembers which fields were sent: an absent field stays as it is, null clears it. Each
 * setter of a subclass calls {@link #sent}. Unknown fields are refused by Jackson with 400.
 */
public abstract class PatchBody {

    @Schema(hidden = true) // bookkeeping, not a field a client sends (the server refuses it)
    private final Set<String> sent = new HashSet<>();

    protected void sent(String field) {
        sent.add(field);
    }

    @JsonIgnore
    public boolean has(String field) {
        return sent.contains(field);
    }
}
