package io.qunyun.campaign.domain.template;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A campaign template as analysts write it in YAML (docs/campaigns.md, "Template format"). Parsed
 * by Jackson YAML into these records, then checked by {@link TemplateValidator}; a record that
 * passed validation is internally consistent (phases cover their steps, offsets resolve).
 */
// Versions stored before the SchedulePolicy table existed carry a "policy" block: ignored when read,
// refused on upload (TemplateParser.parseNew), so analysts never edit numbers that no longer apply.
@JsonIgnoreProperties(value = { "policy" }, ignoreUnknown = false)
public record Template(
        String id,
        String title,
        String description,
        String source,
        /** What happens to a member who leaves and joins again: NONE or RESUME (future member steps only). */
        Reentry reentry,
        List<Phase> phases,
        List<Step> steps) {

    public enum Reentry {
        NONE, RESUME
    }

    /** A named span of campaign days, inclusive on both ends. */
    public record Phase(String name, Integer fromDay, Integer toDay) {
    }

    public record Step(
            String id,
            /** Campaign day: day 1 is the campaign's startDate (local to each group). */
            Integer day,
            /** Every day of this span (daily rhythm); one occurrence per day. */
            DaySpan days,
            /** Day N of a phase (day 1 = the phase's first day). */
            PhaseDay phaseDay,
            /** Per member: day N after an event (day 0 = the event's local date). */
            EventDay eventDay,
            LocalTime at,
            String phase,
            Audience audience,
            Action action,
            String content,
            String ownerRole,
            QuietMode quietHours,
            Duration staleness,
            /** OFFER_WINDOW only: how long the offer stays open. */
            Duration window,
            String metric) {
    }

    public record DaySpan(Integer from, Integer to) {
    }

    public record PhaseDay(String phase, Integer day) {
    }

    public record EventDay(String event, Integer day) {
    }

    public enum Action {
        GROUP_POST, ONE_TO_ONE_TASK, EVENT_SESSION, OFFER_WINDOW, METRIC_CHECKPOINT
    }

    public enum QuietMode {
        HOLD, SKIP
    }

    /** Who a step addresses; absent fields do not filter. {@code all: true} is everybody. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Audience(Boolean all, List<String> layers, List<String> stages, List<String> activityStates,
            List<String> roles, List<String> tiers, Integer inactiveDays, Boolean notCheckedInToday) {
    }
}
