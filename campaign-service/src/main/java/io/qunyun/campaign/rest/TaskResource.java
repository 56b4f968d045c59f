package io.qunyun.campaign.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.campaign.domain.campaign.TaskService;
import io.qunyun.campaign.domain.campaign.Rows.TaskRow;
import io.qunyun.campaign.rest.CampaignDtos.SkipRequest;
import io.qunyun.campaign.rest.CampaignDtos.TaskPage;
import io.qunyun.campaign.rest.CampaignDtos.TaskView;

@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Operator 1:1 tasks naming members")
public class TaskResource {

    @Inject
    TaskService tasks;

    @RolesAllowed({"operator", "analyst", "admin"})
    @GET
    @Operation(summary = "Tasks by assignee, role, status, campaign or member; cursor-paged by id")
    public TaskPage list(@QueryParam("assigneeId") UUID assigneeId,
            @QueryParam("role") @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}") String role,
            @QueryParam("status") @Pattern(regexp = "OPEN|DONE|SKIPPED|CANCELLED") String status,
            @QueryParam("campaignId") UUID campaignId, @QueryParam("memberId") UUID memberId,
            @QueryParam("after") UUID after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<TaskRow> rows = tasks.list(assigneeId, role, status, campaignId, memberId, after, limit);
        String next = rows.size() == limit ? rows.get(rows.size() - 1).id().toString() : null;
        return new TaskPage(rows.stream().map(TaskView::of).toList(), next);
    }

    @RolesAllowed({"operator", "admin"})
    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Mark a task done")
    public TaskView complete(@PathParam("id") UUID id) {
        return TaskView.of(tasks.complete(id));
    }

    @RolesAllowed({"operator", "admin"})
    @POST
    @Path("/{id}/skip")
    @Operation(summary = "Skip a task, with the reason")
    public TaskView skip(@PathParam("id") UUID id, @NotNull @Valid SkipRequest body) {
        return TaskView.of(tasks.skip(id, body.reason()));
    }
}
