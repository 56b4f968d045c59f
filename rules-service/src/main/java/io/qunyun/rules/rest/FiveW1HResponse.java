package io.qunyun.rules.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.selfcheck.Finding;

public record FiveW1HResponse(
        @Schema(description = "true when any finding is a BLOCK") boolean blocked,
        @Schema(description = "Findings, most severe first") List<Finding> findings,
        @Schema(example = "FiveW1H") String table,
        String tableVersion,
        List<String> firedRules) {
}
