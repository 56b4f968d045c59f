package io.qunyun.rules.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.positioning.GroupType;
import io.qunyun.rules.domain.touch.CircleLayer;
import io.qunyun.rules.domain.touch.RelationshipStage;

@Schema(description = "Where a member stands: relationship stage, circle layer, and the type of their group")
public record TouchRequest(
        @NotNull @Schema(required = true) RelationshipStage stage,
        @NotNull @Schema(required = true) CircleLayer layer,
        @Schema(description = "Type of the member's group, if any") GroupType groupType) {
}
