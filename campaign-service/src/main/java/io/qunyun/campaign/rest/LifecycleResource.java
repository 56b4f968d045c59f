package io.qunyun.campaign.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.campaign.domain.GroupPositioningService;
import io.qunyun.campaign.domain.lifecycle.GroupLifecycle;
import io.qunyun.campaign.domain.lifecycle.GroupMatrix;
import io.qunyun.campaign.domain.lifecycle.GroupMetricsService;
import io.qunyun.campaign.domain.lifecycle.GroupMetricsService.DailyMetrics;
import io.qunyun.campaign.domain.lifecycle.LifecyclePlan;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.lifecycle.LifecycleActions;
import io.qunyun.campaign.domain.lifecycle.LifecycleTasks;
import io.qunyun.campaign.rest.GroupDtos.GroupView;
import io.qunyun.campaign.rules.RulesClient;
import io.qunyun.platform.rest.InvalidParameterException;
import io.qunyun.platform.rest.ProblemException;
import io.qunyun.platform.rest.ProblemType;

/** Group metrics, lifecycle (actions, tasks, previews) and the group matrix (docs/lifecycle.md). */
// "/groups" and not "/groups/{id}": JAX-RS picks the resource class by its own path first, and a class
// at /groups/{id} would take GET/PATCH /groups/{id} from GroupResource and answer them 404.
@Path("/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Group lifecycle", description = "Metrics, health actions, previews, successor links")
public class LifecycleResource {

    private static final int MAX_DAYS = 366;

    @Inject
    GroupPositioningService positioning;

    @Inject
    GroupMetricsService metrics;

    @Inject
    GroupLifecycle lifecycle;

    @Inject
    GroupMatrix matrix;

    @Inject
    LifecycleActions actions;

    @Inject
    LifecycleTasks tasks;

    @Inject
    java.time.Clock clock;

    public record MetricsView(UUID groupId, String timeZone, LocalDate from, LocalDate to,
            io.qunyun.campaign.domain.CampaignRules.MetricDefinitions definitions, List<DailyMetrics> days) {
    }

    @GET
    @Path("{id}/metrics")
    @RolesAllowed({ "operator", "analyst", "admin" })
    @Operation(summary = "Daily metrics of a group over local days [from, to] in the group's zone",
            description = "Default: the last 7 local days up to today. At most 366 days.")
    public MetricsView metrics(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        GroupEntity group = positioning.get(id);
        LocalDate today = clock.instant().atZone(group.zone()).toLocalDate();
        LocalDate last = to == null ? today : date("to", to);
        LocalDate first = from == null ? last.minusDays(6) : date("from", from);
        if (first.isAfter(last)) {
            throw new InvalidParameterException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidParameterException("from", "the range must not exceed " + MAX_DAYS + " days");
        }
        io.qunyun.campaign.domain.CampaignRules.MetricDefinitions definitions = definitions(group);
        return new MetricsView(id, group.timeZone, first, last, definitions,
                metrics.daily(group, definitions, first, last));
    }

    public record LifecycleView(UUID groupId, String state, UUID successorGroupId, List<LifecycleActions.Action> actions,
            List<LifecycleTasks.Task> tasks) {
    }

    @GET
    @Path("{id}/lifecycle")
    @RolesAllowed({ "operator", "analyst", "admin" })
    @Operation(summary = "A group's lifecycle state, every action (with the decision's table version and fired rows) and its tasks")
    public LifecycleView lifecycle(@PathParam("id") UUID id) {
        GroupEntity group = positioning.get(id);
        return new LifecycleView(id, group.state, group.successorGroupId, actions.actions(id), tasks.tasks(id));
    }

    @GET
    @Path("{id}/lifecycle/preview")
    @RolesAllowed({ "operator", "analyst", "admin" })
    @Operation(summary = "What a verdict would do to this group now (states, tasks per member, closure); nothing changes",
            description = "verdict: REVIVE, TRANSFER_ACTIVE, DISSOLVE (as GroupHealth would decide) or EXPIRE (lifespan expiry)")
    public LifecyclePlan preview(@PathParam("id") UUID id, @QueryParam("verdict") String verdict) {
        positioning.get(id);
        if (verdict == null || !List.of("REVIVE", "TRANSFER_ACTIVE", "DISSOLVE", "EXPIRE").contains(verdict)) {
            throw new InvalidParameterException("verdict", "must be REVIVE, TRANSFER_ACTIVE, DISSOLVE or EXPIRE");
        }
        return lifecycle.preview(id, verdict);
    }

    public record SuccessorRequest(@NotNull UUID successorGroupId) {
    }

    @PUT
    @Path("{id}/successor")
    @RolesAllowed({ "operator", "admin" })
    @Operation(summary = "Link the group's successor (group matrix); transfers and lead-group expiry follow it")
    public GroupView setSuccessor(@PathParam("id") UUID id, @NotNull @Valid SuccessorRequest body) {
        positioning.get(id);
        return link(id, body.successorGroupId());
    }

    @DELETE
    @Path("{id}/successor")
    @RolesAllowed({ "operator", "admin" })
    @Operation(summary = "Remove the group's successor link")
    public GroupView removeSuccessor(@PathParam("id") UUID id) {
        positioning.get(id);
        return link(id, null);
    }

    @GET
    @Path("{id}/successor-proposals")
    @RolesAllowed({ "operator", "analyst", "admin" })
    @Operation(summary = "Running groups that could follow this one on the AIDASS path (positioning), nearest first")
    public List<GroupView> proposals(@PathParam("id") UUID id) {
        positioning.get(id);
        return matrix.proposals(id).stream().map(GroupView::of).toList();
    }

    private GroupView link(UUID id, UUID successor) {
        try {
            return GroupView.of(matrix.link(id, successor));
        } catch (GroupMatrix.InvalidLinkException e) {
            throw new InvalidParameterException(e.field(), e.getMessage());
        }
    }

    static io.qunyun.campaign.domain.CampaignRules.MetricDefinitions definitions(GroupEntity group, GroupMetricsService metrics) {
        try {
            return metrics.definitions(group);
        } catch (GroupMetricsService.DefinitionsUnavailableException e) {
            throw new ProblemException(ProblemType.RULES_SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    private io.qunyun.campaign.domain.CampaignRules.MetricDefinitions definitions(GroupEntity group) {
        return definitions(group, metrics);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "must be a local date (yyyy-MM-dd)");
        }
    }

}
