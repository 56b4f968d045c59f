package io.qunyun.rules.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.admission.ExitKind;
import io.qunyun.rules.domain.positioning.GroupType;

@Schema(description = "A former member asks to join the same group again")
public record RejoinRequest(
        @NotNull @Schema(required = true, description = "How the last membership of this group ended") ExitKind previousExitKind,
        @Schema(description = "Whether a reason was given at the exit (default false)") Boolean hadReason,
        @NotNull @PositiveOrZero @Schema(required = true, description = "Local days of the group since the exit") Integer daysSinceExit,
        @Schema(description = "The group's type, if known") GroupType groupType) {
}
