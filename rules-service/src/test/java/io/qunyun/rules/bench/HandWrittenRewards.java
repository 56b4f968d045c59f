package io.qunyun.rules.bench;

import java.util.List;

import io.qunyun.rules.domain.reward.RewardDecision;

/**
 * BENCHMARK BASELINE ONLY, never used by the service: the shipped Rewards table
 * ({@code Rewards.drl.xlsx}, rows R01–R06: activity type × in group → base points, multiplier, reason)
 * written by hand as a switch, to give {@link RewardDecisionBenchmark} a ceiling to compare the
 * Drools path with. It returns the same {@link RewardDecision} the service returns, row names
 * included, so both sides do the same work. The business numbers stay owned by the workbook:
 * {@link HandWrittenRewardsTest} fails as soon as this copy and the table disagree.
 */
public final class HandWrittenRewards {

    private final String tableVersion;

    /** @param tableVersion put into every decision, like the service does */
    public HandWrittenRewards(String tableVersion) {
        this.tableVersion = tableVersion;
    }

    public RewardDecision decide(String activityType, boolean inGroup) {
        switch (activityType) {
            case "CHECK_IN":
                return inGroup
                        ? row("R02 check-in shared in a group", 10, 2, "群内打卡分享，双倍积分 / Check-in shared in a group earns double")
                        : row("R01 check-in", 10, 1, "打卡 / Check-in");
            case "SHARE":
                return row("R03 share", 5, 1, "分享 / Share");
            case "CONTENT_POST":
                return row("R04 content post", 15, 1, "发布内容 / Content post");
            case "PURCHASE":
                return row("R05 purchase", 50, 1, "购买 / Purchase");
            case "AD_SPAM":
                return row("R06 advertising in the group", -50, 1, "发广告，扣分 / Advertising in the group costs points");
            default:
                // what RewardService answers when no row matches
                return new RewardDecision(0, 0, 1, "no reward rule matched", tableVersion, List.of());
        }
    }

    private RewardDecision row(String rule, int basePoints, int multiplier, String reason) {
        return new RewardDecision(Math.multiplyExact(basePoints, multiplier), basePoints, multiplier, reason, tableVersion,
                List.of(rule));
    }
}
