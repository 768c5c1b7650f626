package app.shutter.moderation;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
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

@Path("/reports")
@Authenticated
@Tag(name = "Reports", description = "Reporting abuse; moderators decide (see /admin)")
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    CurrentUser currentUser;

    @POST
    @Operation(summary = "Report a post, comment, story, account or a chat message you received")
    @APIResponse(responseCode = "201", description = "The report")
    @APIResponse(responseCode = "200", description = "You reported this already and it is still open: that report")
    @APIResponse(responseCode = "404", description = "No such object, or not one you can see")
    public Response report(@Valid @NotNull ModerationRequests.NewReport request, @Context UriInfo uri) {
        ReportService.Filed filed = reports.report(currentUser.id(), request);
        if (!filed.created()) {
            return Response.ok(filed.report()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("reports").path(String.valueOf(filed.report().id()))
                .build()).entity(filed.report()).build();
    }

    @GET
    @Operation(summary = "Your reports, newest first, with their outcomes")
    @APIResponse(responseCode = "200", description = "A page of your reports")
    public Page<ReportView> mine(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return reports.mine(currentUser.id(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your reports")
    @APIResponse(responseCode = "404", description = "No such report of yours")
    public ReportView one(@PathParam("id") long id) {
        return reports.mine(currentUser.id(), id);
    }
}
