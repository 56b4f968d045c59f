package io.qunyun.campaign.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.campaign.domain.GroupPositioningService;
import io.qunyun.campaign.rest.GroupDtos.GroupView;
import io.qunyun.campaign.rest.GroupDtos.PositionGroupRequest;

@Path("/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "Community groups and their positioning (社群定位)")
public class GroupResource {

    @Inject
    GroupPositioningService positioning;

    @POST
    @Operation(summary = "Position and create a group",
            description = "Asks rules-service for the group type (GroupPositioning table) and the 5W1H findings "
                    + "(FiveW1H table). A BLOCK finding rejects the group with 422 and stores nothing.")
    @APIResponse(responseCode = "201", description = "Group created with its type, lifespan and findings")
    @APIResponse(responseCode = "400", description = "Invalid request; errors[].field names the field")
    @APIResponse(responseCode = "422", description = "Blocked by a 5W1H finding; the findings are in the body")
    @APIResponse(responseCode = "503", description = "rules-service unavailable; nothing stored")
    public Response create(@NotNull @Valid PositionGroupRequest request) {
        GroupView view = GroupView.of(positioning.position(request.toNewGroup()));
        return Response.created(URI.create("/groups/" + view.id())).entity(view).build();
    }

    @jakarta.ws.rs.PATCH
    @Path("/{id}")
    @Operation(summary = "Change a group's name, time zone or screening",
            description = "Publishes io.qunyun.campaign.group.changed.v1 on group-changes when something changed.")
    @APIResponse(responseCode = "400", description = "Invalid field (e.g. timeZone); nothing changed")
    public GroupView change(@PathParam("id") UUID id, @NotNull @Valid GroupDtos.ChangeGroupRequest request) {
        return GroupView.of(positioning.change(id, request.name(), request.timeZone(), request.screeningRequired()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a group")
    public GroupView get(@PathParam("id") UUID id) {
        return GroupView.of(positioning.get(id));
    }

    @GET
    @Operation(summary = "List the newest groups")
    public List<GroupView> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return positioning.list(limit).stream().map(GroupView::of).toList();
    }
}
