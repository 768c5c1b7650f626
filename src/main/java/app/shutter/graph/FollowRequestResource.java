package app.shutter.graph;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/follow-requests")
@Authenticated
@Tag(name = "Social graph")
public class FollowRequestResource {

    @Inject
    GraphService graph;

    @Inject
    GraphQueries queries;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "Your pending incoming follow requests, newest first")
    @APIResponse(responseCode = "200", description = "A page of requests")
    public Page<GraphItems.FollowRequest> requests(@QueryParam("limit") String limit,
                                                   @QueryParam("cursor") String cursor) {
        return queries.requests(currentUser.id(), PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{requesterUsername}/accept")
    @Operation(summary = "Accept a follow request")
    @APIResponse(responseCode = "204", description = "Accepted: they follow you now")
    @APIResponse(responseCode = "404", description = "No pending request from this user")
    public void accept(@PathParam("requesterUsername") String requester) {
        graph.accept(currentUser.id(), requester);
    }

    @POST
    @Path("/{requesterUsername}/decline")
    @Operation(summary = "Decline a follow request")
    @APIResponse(responseCode = "204", description = "Declined")
    @APIResponse(responseCode = "404", description = "No pending request from this user")
    public void decline(@PathParam("requesterUsername") String requester) {
        graph.decline(currentUser.id(), requester);
    }
}
