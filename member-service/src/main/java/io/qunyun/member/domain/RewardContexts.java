package io.qunyun.member.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.member.domain.Activities.RecordingFacts;

/** The Rewards context of an activity as it is when the activity is recorded (docs/events.md). */
@ApplicationScoped
public class RewardContexts {

    /** Phase a campaign-service campaign reports when it is over: no campaign runs in the group any more. */
    static final String CAMPAIGN_ENDED = "ENDED";

    private final Activities activities;
    private final CampaignPhases phases;
    private final GroupTimeZones zones;

    RewardContexts(Activities activities, CampaignPhases phases, GroupTimeZones zones) {
        this.activities = activities;
        this.phases = phases;
        this.zones = zones;
    }

    /** Contexts for one call: each group's campaign phase is read once per call. */
    Reader forOneCall() {
        return new Reader();
    }

    final class Reader {
        private final Map<UUID, Optional<String>> phaseOf = new HashMap<>();

        private Reader() {
        }

        /** The streak is read from the stored check-ins: the member's earlier ones must be stored first. */
        RewardContext of(RecordingFacts member, Activity activity) {
            Integer streak = null;
            if (activity.type == ActivityType.CHECK_IN) {
                ZoneId zone = zones.of(activity.groupId);
                streak = activities.checkInStreak(activity.memberId, activity.groupId, zone,
                        LocalDate.ofInstant(activity.occurredAt, zone));
            }
            String phase = activity.groupId == null ? null
                    : phaseOf.computeIfAbsent(activity.groupId, phases::phaseOf)
                            .filter(p -> !CAMPAIGN_ENDED.equals(p)).orElse(null);
            return new RewardContext(streak, phase, member.tier(), member.priorOffences());
        }
    }
}
