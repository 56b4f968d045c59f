package io.qunyun.rules.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.platform.rest.Problem;
import io.qunyun.rules.domain.metrics.MetricDefinitionService;

/** What campaign-service's group metrics count: {@code POST /decisions/metric-definitions}. */
@Path("/decisions/metric-definitions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
public class MetricDefinitionDecisionResource {

    @Inject
    MetricDefinitionService definitions;

    @POST
    @RolesAllowed({"integration", "analyst", "operator", "admin"})
    @Operation(summary = "Definitions of a group's metrics",
            description = "Table MetricDefinitions: the window of a group-metrics report in days and the activity "
                    + "types that make a member active and converted. The matching row with the highest PRIORITY decides.")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "Invalid request; errors[].field names the request field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MetricDefinitionResponse definitions(@Valid @NotNull MetricDefinitionRequest request) {
        return MetricDefinitionResponse.of(definitions.decide(request.groupType(), request.ageHours()));
    }
}
