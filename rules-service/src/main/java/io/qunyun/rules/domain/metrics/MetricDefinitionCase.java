package io.qunyun.rules.domain.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.qunyun.rules.domain.positioning.GroupType;
import io.qunyun.rules.domain.reward.ActivityType;

/**
 * The fact the MetricDefinitions table matches on: a group (its type and age). Each fired row writes
 * the window and the activity types that make a member "active" and "converted";
 * {@link #closeRow(String)} records them before the next row overwrites them.
 */
public class MetricDefinitionCase {

    private final GroupType groupType;
    private final int ageHours;

    private Integer windowDays;
    private String activeTypes;
    private String convertedTypes;
    private final List<MetricDefinition> outcomes = new ArrayList<>();

    public MetricDefinitionCase(GroupType groupType, int ageHours) {
        this.groupType = groupType;
        this.ageHours = ageHours;
    }

    public String getGroupType() {
        return groupType == null ? null : groupType.name();
    }

    public int getAgeHours() {
        return ageHours;
    }

    public void setWindowDays(int windowDays) {
        this.windowDays = windowDays;
    }

    public void setActiveTypes(String activeTypes) {
        this.activeTypes = activeTypes;
    }

    public void setConvertedTypes(String convertedTypes) {
        this.convertedTypes = convertedTypes;
    }

    /** Called right after a row fired: that row must have set every output, with known activity types. */
    void closeRow(String rule) {
        if (windowDays == null || windowDays < 1) {
            throw new IllegalStateException("row '" + rule + "' must set window days to a whole number ≥ 1");
        }
        outcomes.add(new MetricDefinition(rule, windowDays, types(activeTypes, "active types", rule),
                types(convertedTypes, "converted types", rule)));
        windowDays = null;
        activeTypes = null;
        convertedTypes = null;
    }

    private static List<String> types(String cell, String column, String rule) {
        if (cell == null || cell.isBlank()) {
            throw new IllegalStateException("row '" + rule + "' must set " + column);
        }
        List<String> out = new ArrayList<>();
        for (String t : cell.split(",")) {
            String type = t.strip();
            if (Arrays.stream(ActivityType.values()).noneMatch(a -> a.name().equals(type))) {
                throw new IllegalStateException("row '" + rule + "' has unknown activity type '" + type + "' in " + column);
            }
            out.add(type);
        }
        return List.copyOf(out);
    }

    MetricDefinition outcome(String rule) {
        return outcomes.stream().filter(o -> o.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalStateException("row '" + rule + "' did not fire"));
    }

    /** What one fired row said. */
    record MetricDefinition(String rule, int windowDays, List<String> activeTypes, List<String> convertedTypes) {
    }
}
