package io.qunyun.rules.domain.schedule;

import java.util.List;

/**
 * How a campaign is scheduled in one group (table SchedulePolicy).
 *
 * @param quietStart                  start of the quiet hours, local HH:mm
 * @param quietEnd                    end of the quiet hours, local HH:mm (may be before the start: wraps midnight)
 * @param contactCapPerDay            1:1 tasks per member and local day at most
 * @param capMode                     what happens beyond the cap
 * @param groupPostsPerMonth          group touches per group and local month at most; null = no limit
 * @param oneToOnePerCustomerPerMonth 1:1 touches per member and local month at most; null = no limit
 * @param oneToOneLayers              circle layers operators serve 1:1
 * @param influenceActiveWithinDays   of the influence layer, only members active within these days; null = all
 * @param decidedBy                   the row that decided
 * @param firedRules                  every matching row, deciding first
 */
public record SchedulePolicyDecision(String quietStart, String quietEnd, int contactCapPerDay, CapMode capMode,
        Integer groupPostsPerMonth, Integer oneToOnePerCustomerPerMonth, List<String> oneToOneLayers,
        Integer influenceActiveWithinDays, String decidedBy, String tableVersion, List<String> firedRules) {
}
