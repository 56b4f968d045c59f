package io.qunyun.rules.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.positioning.GroupType;

/** Which group the metric definitions are for. */
public record MetricDefinitionRequest(
        @Schema(description = "Group type; rows for one type only match when it is given") GroupType groupType,
        @NotNull @PositiveOrZero @Schema(description = "Hours since the group was created", required = true) Integer ageHours) {
}
