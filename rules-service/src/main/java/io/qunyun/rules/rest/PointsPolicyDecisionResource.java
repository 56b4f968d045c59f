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
import io.qunyun.rules.domain.points.PointsPolicyService;

/** Points policy: {@code POST /decisions/points-policy}, the same policy every reward decision carries. */
@Path("/decisions/points-policy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
public class PointsPolicyDecisionResource {

    @Inject
    PointsPolicyService policies;

    @RolesAllowed({"integration", "analyst", "operator", "admin"})
    @POST
    @Operation(summary = "Daily credit cap, growth input and points expiry of an activity",
            description = "Table PointsPolicy: CreditCaps (activity type → max credited per member, group and local day, "
                    + "growth input) and PointsExpiry (member tier → days until points expire).")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "Invalid request; errors[].field names the request field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PointsPolicyResponse decide(@Valid @NotNull PointsPolicyRequest request) {
        return PointsPolicyResponse.of(policies.decide(request.activityType().name(),
                request.memberTier() == null ? null : request.memberTier().name()));
    }
}
