package io.qunyun.campaign.rest;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
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

import io.qunyun.campaign.domain.campaign.CampaignService;
import io.qunyun.campaign.domain.campaign.DryRun;
import io.qunyun.campaign.persistence.CampaignStore;
import io.qunyun.campaign.domain.campaign.Rows.CampaignRow;
import io.qunyun.campaign.domain.campaign.Rows.StepRow;
import io.qunyun.campaign.rest.CampaignDtos.CampaignView;
import io.qunyun.campaign.rest.CampaignDtos.DryRunRequest;
import io.qunyun.campaign.rest.CampaignDtos.StartCampaignRequest;
import io.qunyun.campaign.rest.CampaignDtos.Timeline;
import io.qunyun.campaign.rest.CampaignDtos.TimelineEntry;
import io.qunyun.platform.rest.InvalidParameterException;

@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Templates started on groups: timeline, phases, pause/resume, dry run")
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @Inject
    DryRun dryRun;

    @Inject
    CampaignStore store;

    @Inject
    Clock clock;

    @RolesAllowed({"operator", "admin"})
    @POST
    @Operation(summary = "Start a template on groups",
            description = "Plans every group's timeline in the group's zone on the template's current version "
                    + "(or templateVersion). Day 1 is startDate.")
    @APIResponse(responseCode = "201", description = "Scheduled")
    @APIResponse(responseCode = "400", description = "errors[].field names the field; nothing stored")
    public Response start(@NotNull @Valid StartCampaignRequest r) {
        CampaignRow c = campaigns.start(new CampaignService.NewCampaign(r.templateId(), r.templateVersion(),
                r.groupIds(), r.startDate(), r.northStar().metric(), r.northStar().target(), r.relatedMetrics()));
        return Response.created(URI.create("/campaigns/" + c.id())).entity(view(c)).build();
    }

    @RolesAllowed({"operator", "analyst", "admin"})
    @GET
    @Operation(summary = "List the newest campaigns")
    public List<CampaignView> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> store.campaigns(limit))
                .stream().map(this::view).toList();
    }

    @RolesAllowed({"operator", "analyst", "admin"})
    @GET
    @Path("/{id}")
    @Operation(summary = "A campaign: state, current phase and day, groups")
    public CampaignView get(@PathParam("id") UUID id) {
        return view(campaigns.get(id));
    }

    @RolesAllowed({"operator", "admin"})
    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Pause: nothing fires until resumed")
    public CampaignView pause(@PathParam("id") UUID id) {
        return view(campaigns.pause(id));
    }

    @RolesAllowed({"operator", "admin"})
    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Resume: rows that fell due meanwhile fire late, or expire past their staleness")
    public CampaignView resume(@PathParam("id") UUID id) {
        return view(campaigns.resume(id));
    }

    @RolesAllowed({"operator", "admin"})
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel: open rows and tasks are cancelled; groups get phase ENDED")
    public CampaignView cancel(@PathParam("id") UUID id) {
        return view(campaigns.cancel(id));
    }

    @RolesAllowed({"operator", "analyst", "admin"})
    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "Every step occurrence with its due instant (UTC and local) and state",
            description = "Ordered by due instant; member steps (newcomer plans) with members=true.")
    public Timeline timeline(@PathParam("id") UUID id, @QueryParam("groupId") UUID groupId,
            @QueryParam("members") @DefaultValue("false") boolean members,
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        long afterId = 0;
        if (after != null) {
            try {
                afterId = Long.parseLong(after);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("after", "is not a cursor returned by this endpoint");
            }
        }
        Map<UUID, String> zones = campaigns.groupsOf(id).stream()
                .collect(Collectors.toMap(g -> g.groupId(), g -> g.timeZone()));
        // Keyset over (due_at, id) is not monotonic in id: page by offset of the ordered list instead.
        List<StepRow> rows = campaigns.timeline(id, groupId, members, 0, Integer.MAX_VALUE);
        int from = 0;
        if (afterId > 0) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id() == afterId) {
                    from = i + 1;
                    break;
                }
            }
        }
        List<StepRow> page = rows.subList(from, Math.min(rows.size(), from + limit));
        String next = from + limit < rows.size() ? String.valueOf(page.get(page.size() - 1).id()) : null;
        return new Timeline(id, page.stream().map(r -> TimelineEntry.of(r, zones.get(r.groupId()))).toList(), next);
    }

    @RolesAllowed({"operator", "analyst", "admin"})
    @POST
    @Path("/dry-run")
    @Operation(summary = "What a template would create on a group, writing and emitting nothing",
            description = "Every phase boundary, touch and task with quiet-hour holds/skips, platform limits and "
                    + "contact caps, assuming each row fires on time and today's audience.")
    public DryRun.Result dryRun(@NotNull @Valid DryRunRequest r) {
        return dryRun.run(r.templateId(), r.templateVersion(), r.groupId(), r.startDate());
    }

    private CampaignView view(CampaignRow c) {
        return CampaignView.of(c, campaigns.groupsOf(c.id()), campaigns.template(c), clock);
    }
}
