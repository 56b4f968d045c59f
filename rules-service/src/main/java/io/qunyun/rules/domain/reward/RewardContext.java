package io.qunyun.rules.domain.reward;

/**
 * One member activity and its context, as the Rewards table sees it: every input of the table and nothing
 * else, so it is also the key of {@link RewardService}'s decision cache (a field the table does not read would
 * only split the cache; an input missing here could not reach the table).
 *
 * @param activityType  any string: types the table does not know earn nothing
 * @param inGroup       whether the activity happened inside a group
 * @param streakDays    check-in streak length in days, if known
 * @param campaignPhase campaign phase name (WARM_UP, BUILD_UP, CLIMAX, WRAP_UP), if any
 * @param memberTier    the member's tier name, if known
 * @param priorOffences forbidden behaviours recorded before this one (0 when unknown)
 */
public record RewardContext(String activityType, boolean inGroup, Integer streakDays, String campaignPhase,
        String memberTier, int priorOffences) {

    public static RewardContext of(String activityType, boolean inGroup) {
        return new RewardContext(activityType, inGroup, null, null, null, 0);
    }
}
