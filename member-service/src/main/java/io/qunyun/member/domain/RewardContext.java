package io.qunyun.member.domain;

/**
 * What the Rewards table reads besides the activity itself, filled by member-service when it records
 * the activity (docs/events.md).
 *
 * @param streakDays    check-ins only: consecutive local days with a check-in in this group, counting this one
 * @param campaignPhase the group's current campaign phase; null outside a campaign
 * @param memberTier    the member's tier; null before the first tier decision
 * @param priorOffences penalised activities of the member before this one
 */
public record RewardContext(Integer streakDays, String campaignPhase, String memberTier, int priorOffences) {
}
