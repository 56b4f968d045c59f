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
import io.qunyun.rules.domain.tier.TierService;

/** Member growth: {@code POST /decisions/tier}, the same decision the member-growth consumer makes. */
@Path("/decisions/tier")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
public class TierDecisionResource {

    @Inject
    TierService tiers;

    @RolesAllowed({"integration", "analyst", "operator", "admin"})
    @POST
    @Operation(summary = "Tier of a member from weighted growth",
            description = "Table Tiers: TierWeights weighs purchases, content points and behaviour points into a growth "
                    + "value; the Tiers rows turn it into a tier with its benefits; change compares with currentTier.")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "Invalid request; errors[].field names the request field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TierResponse tier(@Valid @NotNull TierRequest request) {
        return TierResponse.of(tiers.decide(request.window()));
    }
}
