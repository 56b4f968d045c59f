package io.qunyun.rules.domain.reward;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.drools.ruleunits.api.RuleUnit;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;

/**
 * Decides what one member activity earns. The single code path for {@code POST /decisions/reward}
 * and for the {@code member-activities} consumer.
 */
@ApplicationScoped
public class RewardService {

    private static final DecisionTable TABLE = DecisionTable.REWARDS;

    /** When no row matches: nothing to credit (not a business number: the neutral element of the formula). */
    static final String NO_MATCH_REASON = "no reward rule matched";

    @Inject
    RuleUnit<RewardUnit> ruleUnit;

    @Inject
    DecisionTableCatalog catalog;

    /**
     * @param activityType any string: types the table does not know earn nothing
     * @param inGroup      whether the activity happened inside a group
     */
    public RewardDecision decide(String activityType, boolean inGroup) {
        RewardCase rewardCase = new RewardCase(activityType, inGroup);
        RewardUnit unit = new RewardUnit();
        unit.getRewards().add(rewardCase);
        List<String> fired = RuleUnits.fire(ruleUnit, unit);
        String version = catalog.version(TABLE);
        if (fired.isEmpty()) {
            return new RewardDecision(0, 0, 1, NO_MATCH_REASON, version, List.of());
        }
        if (fired.size() > 1) {
            // crediting twice (or picking one row at random) would be worse than failing loudly
            throw new DecisionTableDefectException(TABLE, "rows overlap for " + activityType + ": " + fired);
        }
        if (rewardCase.getBasePoints() == null || rewardCase.getMultiplier() == null || rewardCase.getReason() == null) {
            throw new DecisionTableDefectException(TABLE, "row " + fired + " must set base points, multiplier and reason");
        }
        int points = Math.multiplyExact(rewardCase.getBasePoints(), rewardCase.getMultiplier());
        return new RewardDecision(points, rewardCase.getBasePoints(), rewardCase.getMultiplier(), rewardCase.getReason(),
                version, fired);
    }
}
