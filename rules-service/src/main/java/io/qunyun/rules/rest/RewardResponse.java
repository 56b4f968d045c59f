package io.qunyun.rules.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RewardResponse(
        @Schema(description = "Signed points to credit: basePoints × multiplier") int points,
        int basePoints,
        int multiplier,
        String reason,
        @Schema(description = "Honour badge awarded, if any", nullable = true) String badge,
        @Schema(description = "The activity is penalised") boolean penalty,
        @Schema(description = "The member is to be expelled (repeated forbidden behaviour)") boolean expel,
        @Schema(example = "Rewards") String table,
        String tableVersion,
        @Schema(description = "Names of all table rows that matched, highest priority first") List<String> firedRules,
        @Schema(description = "The matching row of highest priority: its outputs are the decision; null when none matched", nullable = true) String decidedBy) {
}
