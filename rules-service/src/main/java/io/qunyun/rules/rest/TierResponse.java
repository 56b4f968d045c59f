package io.qunyun.rules.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.tier.GrowthInput;
import io.qunyun.rules.domain.tier.Tier;
import io.qunyun.rules.domain.tier.TierChange;
import io.qunyun.rules.domain.tier.TierDecision;

public record TierResponse(
        @Schema(description = "Σ input × weight") long growthValue,
        @Schema(description = "Weight per input kind, from the TierWeights table") Map<GrowthInput, Integer> weights,
        Tier tier,
        @Schema(description = "1 = lowest tier") int rank,
        @Schema(description = "The tier's benefits, 中文 / English") String benefits,
        @Schema(nullable = true) Tier currentTier,
        @Schema(description = "Against currentTier; null without a current tier", nullable = true) TierChange change,
        @Schema(example = "Tiers") String table,
        @Schema(description = "sha256:<hex> of the workbook") String tableVersion,
        @Schema(description = "The weight rows, then the tier row") List<String> firedRules) {

    static TierResponse of(TierDecision d) {
        return new TierResponse(d.growthValue(), d.weights(), d.tier(), d.rank(), d.benefits(), d.currentTier(),
                d.change(), DecisionTable.TIERS.tableName(), d.tableVersion(), d.firedRules());
    }
}
