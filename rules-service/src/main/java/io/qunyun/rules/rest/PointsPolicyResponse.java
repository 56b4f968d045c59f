package io.qunyun.rules.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.points.PointsPolicyDecision;
import io.qunyun.rules.domain.tier.GrowthInput;

public record PointsPolicyResponse(
        @Schema(description = "Credited activities of this type per member, group and local day; null = no cap", nullable = true) Integer maxPerDay,
        @Schema(description = "The CreditCaps row that decided", nullable = true) String capRule,
        @Schema(description = "Growth input of the Tiers table the points count towards", nullable = true) GrowthInput growthInput,
        @Schema(description = "Days after which points earned now expire", nullable = true) Integer expiresAfterDays,
        @Schema(description = "The PointsExpiry row that decided", nullable = true) String expiryRule,
        @Schema(example = "PointsPolicy") String table,
        @Schema(description = "sha256:<hex> of the workbook") String tableVersion,
        @Schema(description = "The CreditCaps rows (deciding first), then the PointsExpiry rows (deciding first)") List<String> firedRules) {

    static PointsPolicyResponse of(PointsPolicyDecision d) {
        return new PointsPolicyResponse(d.maxPerDay(), d.capRule(), d.growthInput(), d.expiresAfterDays(), d.expiryRule(),
                DecisionTable.POINTS_POLICY.tableName(), d.tableVersion(), d.firedRules());
    }
}
