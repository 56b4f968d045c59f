package io.qunyun.rules.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.positioning.GroupType;

/** Which group the metric definitions are for. */
public record MetricDefinitionRequest(
        @Schema(description = "Group type; rows for one type only match when it is given") GroupType groupType,
        @NotNull @Schema(description = "Hours since the group was created (campaign-service never sends a negative age; row D08 answers one)", required = true) Integer ageHours) {
}
