package io.qunyun.rules.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RewardResponse(
        @Schema(description = "Signed points to credit: basePoints × multiplier") int points,
        int basePoints,
        int multiplier,
        String reason,
        @Schema(example = "Rewards") String table,
        String tableVersion,
        List<String> firedRules) {
}
