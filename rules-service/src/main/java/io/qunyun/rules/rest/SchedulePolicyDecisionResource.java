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
import io.qunyun.rules.domain.schedule.SchedulePolicyService;

/** Campaign scheduling policy: {@code POST /decisions/schedule-policy}. */
@Path("/decisions/schedule-policy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
public class SchedulePolicyDecisionResource {

    @Inject
    SchedulePolicyService policies;

    @RolesAllowed({"integration", "analyst", "operator", "admin"})
    @POST
    @Operation(summary = "How a campaign is scheduled in a group",
            description = "Table SchedulePolicy: template × platform → quiet hours, daily contact cap and what happens "
                    + "beyond it, platform limits per month, the circle layers served 1:1. The matching row with the "
                    + "highest PRIORITY decides (decidedBy).")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "Invalid request; errors[].field names the request field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SchedulePolicyResponse decide(@Valid @NotNull SchedulePolicyRequest request) {
        return SchedulePolicyResponse.of(policies.decide(request.template().strip(), request.platform()));
    }
}
