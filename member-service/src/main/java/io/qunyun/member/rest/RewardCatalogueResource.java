package io.qunyun.member.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.qunyun.member.domain.RedemptionService;
import io.qunyun.member.domain.CatalogueReward;

/** The points mall's catalogue: rewards members can redeem, with their costs in points. */
@Path("/rewards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RewardCatalogueResource {

    public record CreateRewardRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "must be letters, digits, _ . or -") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Positive Integer cost) {
    }

    public record RewardResponse(UUID id, String code, String name, int cost, boolean active) {

        static RewardResponse of(CatalogueReward reward) {
            return new RewardResponse(reward.id, reward.code, reward.name, reward.cost, reward.active);
        }
    }

    private final RedemptionService service;

    RewardCatalogueResource(RedemptionService service) {
        this.service = service;
    }

    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    public List<RewardResponse> list() {
        return service.rewards().stream().map(RewardResponse::of).toList();
    }

    @RolesAllowed({"analyst", "admin"})
    @POST
    public Response create(@Valid @NotNull CreateRewardRequest body, @Context UriInfo uriInfo) {
        CatalogueReward reward = service.addReward(body.code().strip(), body.name().strip(), body.cost());
        URI location = uriInfo.getAbsolutePathBuilder().path(reward.id.toString()).build();
        return Response.created(location).entity(RewardResponse.of(reward)).build();
    }
}
