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
import io.qunyun.rules.domain.health.GroupHealthService;

/** Group lifecycle care: {@code POST /decisions/group-health}, the same decision the group-metrics consumer makes. */
@Path("/decisions/group-health")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
public class GroupHealthDecisionResource {

    @Inject
    GroupHealthService health;

    @RolesAllowed({"integration", "analyst", "operator", "admin"})
    @POST
    @Operation(summary = "Health verdict of a group",
            description = "Table GroupHealth: OK, REVIVE (with its kind), TRANSFER_ACTIVE or DISSOLVE. Rows may overlap; "
                    + "the matching row with the highest PRIORITY decides (decidedBy), firedRules lists every match.")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "Invalid request; errors[].field names the request field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupHealthResponse groupHealth(@Valid @NotNull GroupHealthRequest request) {
        return GroupHealthResponse.of(health.decide(request.metrics()));
    }
}
