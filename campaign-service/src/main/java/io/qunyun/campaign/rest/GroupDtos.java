package io.qunyun.campaign.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.qunyun.campaign.domain.AidassStage;
import io.qunyun.campaign.domain.Monetization;
import io.qunyun.campaign.domain.Platform;
import io.qunyun.campaign.domain.CampaignRules.Finding;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.GroupEntity.DecisionTrace;

/** Request and response bodies of {@link GroupResource}. */
public final class GroupDtos {

    private GroupDtos() {
    }

    public record PositionGroupRequest(
            @NotBlank @Size(max = 120) String name,
            @NotNull Platform platform,
            @NotNull @Valid AidassSpan aidass,
            Boolean screened,
            @Valid FiveW1HAnswers fiveW1H,
            /** IANA zone id, e.g. Asia/Shanghai (the default) or Europe/Berlin. */
            @Size(max = 64) String timeZone,
            /** Admission needs a review; defaults to {@code screened}. */
            Boolean screeningRequired) {

        public io.qunyun.campaign.domain.NewGroup toNewGroup() {
            FiveW1HAnswers a = fiveW1H != null ? fiveW1H : new FiveW1HAnswers(null, null, null, null, null, null);
            return new io.qunyun.campaign.domain.NewGroup(name, platform, aidass.from(), aidass.to(), screened, a.why(),
                    a.what(), a.where(), a.who(), a.when() == null ? null : a.when().launchAt(),
                    a.when() == null ? null : a.when().lifecycleHours(), a.how(), timeZone, screeningRequired);
        }
    }

    /** A partial change: absent fields stay as they are. */
    public record ChangeGroupRequest(@Size(min = 1, max = 120) String name, @Size(max = 64) String timeZone,
            Boolean screeningRequired) {
    }

    public record AidassSpan(@NotNull AidassStage from, @NotNull AidassStage to) {
    }

    /** Missing answers are allowed here: what a missing answer means is the FiveW1H table's call. */
    public record FiveW1HAnswers(
            @Size(max = 2000) String why,
            @Size(max = 2000) String what,
            @Size(max = 500) String where,
            @Size(max = 2000) String who,
            @Valid When when,
            Monetization how) {
    }

    public record When(OffsetDateTime launchAt, @Positive Integer lifecycleHours) {
    }

    public record GroupView(UUID id, String name, Platform platform, AidassSpan aidass, boolean screened,
            String type, Integer lifespanHours, String intensity, String primaryMetric,
            GroupEntity.FiveW1H fiveW1H, List<Finding> findings, Decisions decisions, OffsetDateTime createdAt,
            String timeZone, boolean screeningRequired, String state, UUID successorGroupId) {

        public static GroupView of(GroupEntity g) {
            return new GroupView(g.id, g.name, g.platform, new AidassSpan(g.aidassFrom, g.aidassTo), g.screened,
                    g.type, g.lifespanHours, g.intensity, g.primaryMetric, g.fiveW1H, g.findings,
                    new Decisions(g.positioningDecision, g.fiveW1HDecision), g.createdAt, g.timeZone,
                    g.screeningRequired, g.state, g.successorGroupId);
        }
    }

    public record Decisions(DecisionTrace positioning, DecisionTrace fiveW1H) {
    }
}
