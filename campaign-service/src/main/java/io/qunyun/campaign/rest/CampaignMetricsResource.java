package io.qunyun.campaign.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.campaign.domain.lifecycle.CampaignMetricsService;
import io.qunyun.campaign.domain.lifecycle.CampaignMetricsService.CampaignMetrics;
import io.qunyun.platform.rest.ProblemException;
import io.qunyun.platform.rest.ProblemType;

/** A campaign's metrics against its north-star target (kept apart from the scheduling resources). */
@Path("/campaigns/{id}/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Group lifecycle", description = "Metrics, health actions, previews, successor links")
public class CampaignMetricsResource {

    @Inject
    CampaignMetricsService metrics;

    @GET
    @RolesAllowed({ "operator", "analyst", "admin" })
    @Operation(summary = "North-star and related metrics per group at each METRIC_CHECKPOINT step and per phase",
            description = "Counted from the campaign's start date in each group's zone; `reached` compares the "
                    + "north-star value with the target set when the campaign started.")
    public CampaignMetrics get(@PathParam("id") UUID id) {
        try {
            return metrics.of(id).orElseThrow(() -> ProblemException.notFound("campaign " + id));
        } catch (io.qunyun.campaign.domain.lifecycle.GroupMetricsService.DefinitionsUnavailableException e) {
            throw new ProblemException(ProblemType.RULES_SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
