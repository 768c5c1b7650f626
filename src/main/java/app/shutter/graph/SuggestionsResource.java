package app.shutter.graph;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** At the top level, so that no username can shadow it. */
@Path("/suggestions")
@Authenticated
@Tag(name = "Social graph")
public class SuggestionsResource {

    @Inject
    Suggestions suggestions;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "Accounts to follow: those followed by the accounts you followed most recently, then"
            + " popular public accounts; never you, accounts you follow or asked to follow, blocked or deactivated"
            + " ones. One page (nextCursor is always null); show it when the home feed has less than a page")
    @APIResponse(responseCode = "200", description = "At most `limit` accounts (default 20, at most 50)")
    @APIResponse(responseCode = "400", description = "A bad limit, or a cursor (this list has one page)")
    public Page<Suggestions.Suggestion> suggestions(@QueryParam("limit") String limit,
                                                    @QueryParam("cursor") String cursor) {
        if (cursor != null && !cursor.isBlank()) {
            throw ApiException.invalidField("cursor", "this list has a single page");
        }
        return suggestions.forViewer(currentUser.id(), PageRequest.of(limit, null));
    }
}
