package io.qunyun.rules.bench;

import java.util.List;

import io.qunyun.rules.domain.reward.RewardContext;
import io.qunyun.rules.domain.reward.RewardDecision;

/**
 * BENCHMARK BASELINE ONLY, never used by the service: the shipped Rewards table
 * ({@code Rewards.drl.xlsx}, rows R01–R13, hit policy PRIORITY: activity type × in group × streak days ×
 * campaign phase × member tier × prior offences → points, multiplier, reason, badge, penalty, expel) written
 * by hand in Java, to give {@link RewardDecisionBenchmark} a ceiling to compare the Drools path with. It
 * returns the same {@link RewardDecision} the service returns, every matching row (highest priority first)
 * and the deciding row included, so both sides do the same work. The business numbers stay owned by the
 * workbook: {@link HandWrittenRewardsTest} fails as soon as this copy and the table disagree.
 */
public final class HandWrittenRewards {

    private static final String R01 = "R01 check-in";
    private static final String R02 = "R02 check-in shared in a group";
    private static final String R03 = "R03 share";
    private static final String R04 = "R04 content post";
    private static final String R05 = "R05 purchase";
    private static final String R06 = "R06 advertising in the group";
    private static final String R07 = "R07 7-day check-in challenge";
    private static final String R08 = "R08 14-day check-in challenge";
    private static final String R09 = "R09 21-day check-in challenge";
    private static final String R10 = "R10 share in the wrap-up phase";
    private static final String R11 = "R11 purchase in the climax phase";
    private static final String R12 = "R12 purchase by an ambassador";
    private static final String R13 = "R13 repeated advertising expels";

    private final String tableVersion;

    /** @param tableVersion put into every decision, like the service does */
    public HandWrittenRewards(String tableVersion) {
        this.tableVersion = tableVersion;
    }

    public RewardDecision decide(RewardContext c) {
        switch (c.activityType()) {
            case "CHECK_IN": {
                // R07–R09 (priority 20) over R01/R02 (priority 10)
                String base = c.inGroup() ? R02 : R01;
                Integer streak = c.streakDays();
                if (streak != null) {
                    switch (streak) {
                        case 7:
                            return row(R07, 10, 3, "7 天打卡挑战完成 / 7-day check-in challenge completed",
                                    "7 天打卡达人 / 7-day check-in streak", false, false, List.of(R07, base));
                        case 14:
                            return row(R08, 10, 4, "14 天打卡挑战完成 / 14-day check-in challenge completed",
                                    "14 天打卡达人 / 14-day check-in streak", false, false, List.of(R08, base));
                        case 21:
                            return row(R09, 10, 5, "21 天打卡挑战完成 / 21-day check-in challenge completed",
                                    "21 天打卡冠军 / 21-day check-in champion", false, false, List.of(R09, base));
                        default:
                            break;
                    }
                }
                return c.inGroup()
                        ? row(R02, 10, 2, "群内打卡分享，双倍积分 / Check-in shared in a group earns double", null, false, false,
                                List.of(R02))
                        : row(R01, 10, 1, "打卡 / Check-in", null, false, false, List.of(R01));
            }
            case "SHARE":
                // R10 (20) over R03 (10)
                return "WRAP_UP".equals(c.campaignPhase())
                        ? row(R10, 5, 2, "收尾期分享，双倍积分 / Sharing in the wrap-up phase earns double", null, false, false,
                                List.of(R10, R03))
                        : row(R03, 5, 1, "分享 / Share", null, false, false, List.of(R03));
            case "CONTENT_POST":
                return row(R04, 15, 1, "发布内容 / Content post", null, false, false, List.of(R04));
            case "PURCHASE": {
                // R11 (20) over R12 (15) over R05 (10)
                boolean climax = "CLIMAX".equals(c.campaignPhase());
                boolean ambassador = "AMBASSADOR".equals(c.memberTier());
                if (climax) {
                    return row(R11, 50, 2, "高潮期限时购买，双倍积分 / Purchase in the climax offer earns double", null, false, false,
                            ambassador ? List.of(R11, R12, R05) : List.of(R11, R05));
                }
                if (ambassador) {
                    return row(R12, 50, 2, "大使购买，双倍积分 / Ambassadors' purchases earn double", null, false, false,
                            List.of(R12, R05));
                }
                return row(R05, 50, 1, "购买 / Purchase", null, false, false, List.of(R05));
            }
            case "AD_SPAM":
                // R13 (30) over R06 (10)
                return c.priorOffences() >= 2
                        ? row(R13, -100, 1, "屡次发广告，扣分并移出群 / Repeated advertising: points deducted and expelled", null,
                                true, true, List.of(R13, R06))
                        : row(R06, -50, 1, "发广告，扣分 / Advertising in the group costs points", null, true, false,
                                List.of(R06));
            default:
                // what RewardService answers when no row matches
                return new RewardDecision(0, 0, 1, "no reward rule matched", tableVersion, List.of(), null, false, false, null);
        }
    }

    private RewardDecision row(String decidedBy, int basePoints, int multiplier, String reason, String badge,
            boolean penalty, boolean expel, List<String> fired) {
        return new RewardDecision(Math.multiplyExact(basePoints, multiplier), basePoints, multiplier, reason, tableVersion,
                fired, badge, penalty, expel, decidedBy);
    }
}
