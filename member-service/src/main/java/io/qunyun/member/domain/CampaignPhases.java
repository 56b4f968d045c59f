package io.qunyun.member.domain;

import java.util.Optional;
import java.util.UUID;

/** Port: the campaign phase of each group, as campaign-service reported it (persistence.CampaignPhaseRepository). */
public interface CampaignPhases {

    Optional<String> phaseOf(UUID groupId);
}
