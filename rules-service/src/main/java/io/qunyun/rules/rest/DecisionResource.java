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
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.positioning.PositioningDecision;
import io.qunyun.rules.domain.positioning.PositioningService;
import io.qunyun.rules.domain.reward.RewardDecision;
import io.qunyun.rules.domain.reward.RewardService;
import io.qunyun.rules.domain.selfcheck.FiveW1HAnswers;
import io.qunyun.rules.domain.selfcheck.FiveW1HDecision;
import io.qunyun.rules.domain.selfcheck.FiveW1HService;

@Path("/decisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions", description = "Ask a decision table; every answer names the table, its version and the rows that fired")
@APIResponse(responseCode = "400", description = "Invalid request; errors[].field names the request field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DecisionResource {

    @Inject
    PositioningService positioning;

    @Inject
    FiveW1HService fiveW1H;

    @Inject
    RewardService rewards;

    @RolesAllowed({"integration", "analyst", "operator", "admin"})
    @POST
    @Path("/positioning")
    @Operation(summary = "Position a group on the AIDASS path",
            description = "Table GroupPositioning (hit policy PRIORITY): group type, lifespan, operation intensity and primary "
                    + "metric for a span and hints. The fallback row answers type null for an unclassified span.")
    @APIResponse(responseCode = "200", description = "The decision")
    public PositioningResponse positioning(@Valid @NotNull PositioningRequest request) {
        PositioningDecision d = positioning.decide(request.from(), request.to(), request.hints());
        return new PositioningResponse(d.type(), d.lifespanHours(), d.intensity(), d.primaryMetric(),
                DecisionTable.GROUP_POSITIONING.tableName(), d.tableVersion(), d.firedRules(), d.decidedBy());
    }

    @RolesAllowed({"integration", "analyst", "operator", "admin"})
    @POST
    @Path("/five-w-one-h")
    @Operation(summary = "5W1H self-check of a group",
            description = "Table FiveW1H: every matching row adds a finding; blocked when any finding is a BLOCK.")
    @APIResponse(responseCode = "200", description = "The findings")
    public FiveW1HResponse fiveW1H(@Valid @NotNull FiveW1HRequest request) {
        FiveW1HDecision d = fiveW1H.check(new FiveW1HAnswers(request.groupType(), Boolean.TRUE.equals(request.screened()),
                request.why(), request.what(), request.where(), request.who(), request.lifecycleHours(), request.how(),
                request.primaryMetric(), request.highInvolvement()));
        return new FiveW1HResponse(d.blocked(), d.findings(), DecisionTable.FIVE_W_ONE_H.tableName(), d.tableVersion(),
                d.firedRules());
    }

    @RolesAllowed({"integration", "analyst", "operator", "admin"})
    @POST
    @Path("/reward")
    @Operation(summary = "Points for a member activity",
            description = "Table Rewards (hit policy PRIORITY): points = basePoints × multiplier of the deciding row, plus badge, "
                    + "penalty and expel; 0 when no row matches. "
                    + "The same decision the member-activities consumer makes.")
    @APIResponse(responseCode = "200", description = "The decision")
    public RewardResponse reward(@Valid @NotNull RewardRequest request) {
        RewardDecision d = rewards.decide(request.context());
        return new RewardResponse(d.points(), d.basePoints(), d.multiplier(), d.reason(), d.badge(), d.penalty(),
                d.expel(), DecisionTable.REWARDS.tableName(), d.tableVersion(), d.firedRules(), d.decidedBy());
    }
}
