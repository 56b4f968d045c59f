package io.qunyun.rules.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.standing.StandingFacts;

@Schema(description = "What a member did in one group; all counts since the join")
public record StandingRequest(
        @NotNull @PositiveOrZero @Schema(required = true, description = "Activities in the group, ad spam excluded") Integer interactions,
        @NotNull @PositiveOrZero @Schema(required = true) Integer purchases,
        @NotNull @PositiveOrZero @Schema(required = true) Integer shares,
        @NotNull @PositiveOrZero @Schema(required = true, description = "Content posts and shares") Integer contributions,
        @NotNull @PositiveOrZero @Schema(required = true, description = "Local days since the last activity (or the join)") Integer daysSinceLastActivity,
        @NotNull @PositiveOrZero @Schema(required = true, description = "Local days since the last contribution (or the join)") Integer daysSinceLastContribution) {

    public StandingFacts facts() {
        return new StandingFacts(interactions, purchases, shares, contributions, daysSinceLastActivity,
                daysSinceLastContribution);
    }
}
