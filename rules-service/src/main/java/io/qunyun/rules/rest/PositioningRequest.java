package io.qunyun.rules.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.positioning.AidassStage;
import io.qunyun.rules.domain.positioning.PositioningHints;

@AidassSpanInOrder
@Schema(description = "The span of the AIDASS buyer path a group covers, and optional hints about the group")
public record PositioningRequest(
        @NotNull @Schema(description = "First stage of the span", required = true) AidassStage from,
        @NotNull @Schema(description = "Last stage of the span, not before from", required = true) AidassStage to,
        @Schema(description = "Members are screened before joining (default false)") Boolean screened,
        @Schema(description = "Members pay to join (default false)") Boolean paidEntry,
        @Schema(description = "Strong locality, run through local leaders (default false)") Boolean regional,
        @Schema(description = "Run with a resource partner: sponsor content, low frequency (default false)") Boolean partnership,
        @Positive @Schema(description = "Planned duration in hours, if known") Integer plannedHours) {

    /** The request as the table sees it: missing booleans are false. */
    public PositioningHints hints() {
        return new PositioningHints(Boolean.TRUE.equals(screened), Boolean.TRUE.equals(paidEntry),
                Boolean.TRUE.equals(regional), Boolean.TRUE.equals(partnership), plannedHours);
    }
}
