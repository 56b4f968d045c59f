package io.qunyun.campaign.domain.campaign;

import java.time.LocalTime;
import java.util.List;

/**
 * How a campaign is scheduled in one group, as the SchedulePolicy decision table decided it when the
 * campaign started (stored with the campaign's group: a running campaign keeps it).
 *
 * @param groupPostsPerMonth          null = no platform limit
 * @param oneToOnePerCustomerPerMonth null = no platform limit
 * @param influenceActiveWithinDays   of the influence layer only members active within these days are
 *                                    served 1:1; null = all of it
 */
public record SchedulePolicy(QuietHours quietHours, int contactCapPerDay, CapMode capMode, Integer groupPostsPerMonth,
        Integer oneToOnePerCustomerPerMonth, List<String> oneToOneLayers, Integer influenceActiveWithinDays,
        String decidedBy, String tableVersion, List<String> firedRules) {

    public enum CapMode {
        DEFER, SKIP
    }

    public record QuietHours(LocalTime start, LocalTime end) {

        /** Quiet hours may wrap midnight (22:00–08:00). */
        public boolean contains(LocalTime t) {
            return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        }
    }

    /** How reasons name the table's decision: "SchedulePolicy row 'Q03 …'". */
    public String source() {
        return "SchedulePolicy row '" + decidedBy + "'";
    }
}
