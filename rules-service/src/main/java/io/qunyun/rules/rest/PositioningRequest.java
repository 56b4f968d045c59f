package io.qunyun.rules.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.positioning.AidassStage;

@AidassSpanInOrder
@Schema(description = "The span of the AIDASS buyer path a group covers")
public record PositioningRequest(
        @NotNull @Schema(description = "First stage of the span", required = true) AidassStage from,
        @NotNull @Schema(description = "Last stage of the span, not before from", required = true) AidassStage to,
        @Schema(description = "Members are screened before joining (default false)") Boolean screened) {
}
