package io.qunyun.rules.domain.health;

import io.qunyun.rules.domain.positioning.PrimaryMetric;

import io.qunyun.rules.domain.positioning.GroupType;

/**
 * A group's metrics over one window.
 *
 * @param groupType         null when unknown
 * @param messagesPerDay    average messages per day, not negative
 * @param activeMemberRatio share of members who were active, 0..1
 * @param checkInRate       share of expected check-ins that happened, 0..1
 * @param conversions       conversions (orders) in the window
 * @param ageHours          hours since the group was created
 * @param lifespanHours     planned lifespan in hours; null means open-ended
 * @param primaryMetric     what the group is judged by (GroupPositioning); null when unknown
 * @param campaignAgeHours  hours since the campaign running in the group started; null when none runs
 */
public record GroupMetrics(GroupType groupType, double messagesPerDay, double activeMemberRatio, double checkInRate,
        int conversions, int ageHours, Integer lifespanHours, PrimaryMetric primaryMetric, Integer campaignAgeHours) {

    public GroupMetrics(GroupType groupType, double messagesPerDay, double activeMemberRatio, double checkInRate,
            int conversions, int ageHours, Integer lifespanHours) {
        this(groupType, messagesPerDay, activeMemberRatio, checkInRate, conversions, ageHours, lifespanHours, null,
                null);
    }

    /** The group has lived its planned life (an open-ended group never has). */
    public boolean pastLifespan() {
        return lifespanHours != null && ageHours >= lifespanHours;
    }
}
