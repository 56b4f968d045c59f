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
import io.qunyun.rules.domain.standing.StandingService;

/** A member's standing in a group: {@code POST /decisions/member-standing}. */
@Path("/decisions/member-standing")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
public class StandingDecisionResource {

    @Inject
    StandingService standing;

    @RolesAllowed({"integration", "analyst", "operator", "admin"})
    @POST
    @Operation(summary = "Relationship stage, activity state and circle layer of a membership",
            description = "Table MemberStanding, three tables: Stages (interactions, purchases, shares → stage), "
                    + "ActivityStates (days since the last activity → state), Layers (contributions and their recency → "
                    + "layer). In each, the matching row with the highest PRIORITY decides.")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "Invalid request; errors[].field names the request field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StandingResponse standing(@Valid @NotNull StandingRequest request) {
        return StandingResponse.of(standing.decide(request.facts()));
    }
}
