package io.qunyun.rules.domain.schedule;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.qunyun.rules.domain.touch.CircleLayer;

/**
 * The fact the SchedulePolicy table matches on. A template's own row and the default row both
 * fire; each fired row writes its outputs and {@link #closeRow(String)} records them.
 */
public class ScheduleCase {

    /** What one fired row said, already checked. */
    record Outcome(String rule, String quietStart, String quietEnd, int contactCapPerDay, CapMode capMode,
            Integer groupPostsPerMonth, Integer oneToOnePerCustomerPerMonth, List<String> oneToOneLayers,
            Integer influenceActiveWithinDays) {
    }

    private final String template;
    private final String platform;

    private String quietStart;
    private String quietEnd;
    private Integer contactCapPerDay;
    private String capMode;
    private Integer groupPostsPerMonth;
    private Integer oneToOnePerCustomerPerMonth;
    private String oneToOneLayers;
    private Integer influenceActiveWithinDays;
    private final List<Outcome> outcomes = new ArrayList<>();

    public ScheduleCase(String template, Platform platform) {
        this.template = template;
        this.platform = platform == null ? null : platform.name();
    }

    public String getTemplate() {
        return template;
    }

    public String getPlatform() {
        return platform;
    }

    public void setQuietStart(String quietStart) {
        this.quietStart = quietStart;
    }

    public void setQuietEnd(String quietEnd) {
        this.quietEnd = quietEnd;
    }

    public void setContactCapPerDay(Integer contactCapPerDay) {
        this.contactCapPerDay = contactCapPerDay;
    }

    public void setCapMode(String capMode) {
        this.capMode = capMode;
    }

    public void setGroupPostsPerMonth(Integer groupPostsPerMonth) {
        this.groupPostsPerMonth = groupPostsPerMonth;
    }

    public void setOneToOnePerCustomerPerMonth(Integer oneToOnePerCustomerPerMonth) {
        this.oneToOnePerCustomerPerMonth = oneToOnePerCustomerPerMonth;
    }

    public void setOneToOneLayers(String oneToOneLayers) {
        this.oneToOneLayers = oneToOneLayers;
    }

    public void setInfluenceActiveWithinDays(Integer influenceActiveWithinDays) {
        this.influenceActiveWithinDays = influenceActiveWithinDays;
    }

    /** Called right after a row fired: checks what it wrote, so a defect names the row. */
    void closeRow(String rule) {
        String start = time(quietStart, "quiet start", rule);
        String end = time(quietEnd, "quiet end", rule);
        if (contactCapPerDay == null || contactCapPerDay < 1) {
            throw new IllegalStateException("row '" + rule + "' must set contact cap per day to a whole number > 0");
        }
        positiveOrEmpty(groupPostsPerMonth, "group posts per month", rule);
        positiveOrEmpty(oneToOnePerCustomerPerMonth, "1:1 per customer per month", rule);
        positiveOrEmpty(influenceActiveWithinDays, "influence active within days", rule);
        CapMode mode;
        try {
            mode = CapMode.valueOf(capMode == null ? "" : capMode.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("row '" + rule + "' has unknown cap mode '" + capMode + "' (DEFER or SKIP)");
        }
        if (oneToOneLayers == null || oneToOneLayers.isBlank()) {
            throw new IllegalStateException("row '" + rule + "' must name the 1:1 layers (e.g. CORE,INFLUENCE)");
        }
        List<String> layers = Arrays.stream(oneToOneLayers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String layer : layers) {
            try {
                CircleLayer.valueOf(layer);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("row '" + rule + "' has unknown 1:1 layer '" + layer
                        + "' (CORE, INFLUENCE, PERIPHERY)");
            }
        }
        outcomes.add(new Outcome(rule, start, end, contactCapPerDay, mode, groupPostsPerMonth,
                oneToOnePerCustomerPerMonth, layers, influenceActiveWithinDays));
        quietStart = quietEnd = capMode = oneToOneLayers = null;
        contactCapPerDay = groupPostsPerMonth = oneToOnePerCustomerPerMonth = influenceActiveWithinDays = null;
    }

    private static String time(String value, String column, String rule) {
        try {
            return LocalTime.parse(value == null ? "" : value.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("row '" + rule + "' has " + column + " '" + value + "'; write a local time HH:mm");
        }
    }

    private static void positiveOrEmpty(Integer value, String column, String rule) {
        if (value != null && value < 1) {
            throw new IllegalStateException("row '" + rule + "' has " + column + " " + value
                    + "; write a whole number > 0, or leave it empty for no limit");
        }
    }

    /** The outputs the named row wrote when it fired. */
    Outcome outcome(String rule) {
        return outcomes.stream().filter(o -> o.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalStateException("row '" + rule + "' did not fire"));
    }
}
