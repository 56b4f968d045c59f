package io.qunyun.campaign.domain.template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.qunyun.campaign.domain.template.Template.Action;
import io.qunyun.campaign.domain.template.Template.Audience;
import io.qunyun.campaign.domain.template.Template.Phase;
import io.qunyun.campaign.domain.template.Template.Step;

/** The rules of docs/campaigns.md that the YAML types alone do not enforce. Collects every defect. */
public final class TemplateValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Pattern CONTENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]{0,199}");
    // Values of member-service's audience query (contract); roles are data, checked for form only.
    static final Set<String> LAYERS = Set.of("CORE", "INFLUENCE", "PERIPHERY");
    static final Set<String> STAGES = Set.of("UNAWARE", "CURIOUS", "ACQUAINTED", "UNDERSTANDS", "FAMILIAR",
            "PURCHASED", "REPURCHASED_OR_SHARES");
    static final Set<String> ACTIVITY_STATES = Set.of("ACTIVE", "DORMANT", "CHURNED");
    static final Set<String> TIERS = Set.of("NEWBIE", "ACTIVE", "CORE", "AMBASSADOR");
    static final Set<String> EVENTS = Set.of("JOINED");

    private final List<TemplateError> errors = new ArrayList<>();

    private TemplateValidator() {
    }

    public static List<TemplateError> validate(Template t) {
        TemplateValidator v = new TemplateValidator();
        v.check(t);
        return v.errors;
    }

    private void check(Template t) {
        if (t.id() == null || !ID.matcher(t.id()).matches()) {
            error("id", null, "is required: lower-case letters, digits and '-', at most 64");
        }
        if (t.title() == null || t.title().isBlank()) {
            error("title", null, "is required");
        }
        if (t.reentry() == null) {
            error("reentry", null, "is required: NONE or RESUME");
        }
        int length = checkPhases(t.phases());
        if (t.steps() == null || t.steps().isEmpty()) {
            error("steps", null, "needs at least one step");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < t.steps().size(); i++) {
            Step s = t.steps().get(i);
            String p = "steps[" + i + "]";
            if (s == null) {
                error(p, null, "is empty");
                continue;
            }
            String sid = s.id();
            if (sid == null || !ID.matcher(sid).matches()) {
                error(p + ".id", sid, "is required: lower-case letters, digits and '-', at most 64");
            } else if (!ids.add(sid)) {
                error(p + ".id", sid, "is used by an earlier step");
            }
            checkStep(t, s, p, length);
        }
    }

    /** @return campaign length in days (last day of the last phase), 0 if the phases are broken */
    private int checkPhases(List<Phase> phases) {
        if (phases == null || phases.isEmpty()) {
            error("phases", null, "needs at least one phase");
            return 0;
        }
        int expectedFrom = 1;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < phases.size(); i++) {
            Phase ph = phases.get(i);
            String p = "phases[" + i + "]";
            if (ph == null) {
                error(p, null, "is empty");
                return 0;
            }
            if (ph.name() == null || !NAME.matcher(ph.name()).matches() || "ENDED".equals(ph.name())) {
                error(p + ".name", null, "is required: upper-case name such as WARM_UP (ENDED is reserved)");
            } else if (!names.add(ph.name())) {
                error(p + ".name", null, "is used by an earlier phase");
            }
            if (ph.fromDay() == null || ph.fromDay() != expectedFrom) {
                error(p + ".fromDay", null, "must be " + expectedFrom + " (phases are contiguous from day 1)");
                return 0;
            }
            if (ph.toDay() == null || ph.toDay() < ph.fromDay()) {
                error(p + ".toDay", null, "must be at least fromDay");
                return 0;
            }
            expectedFrom = ph.toDay() + 1;
        }
        if (expectedFrom - 1 > 366) {
            error("phases", null, "may span at most 366 days");
        }
        return expectedFrom - 1;
    }

    private void checkStep(Template t, Step s, String p, int length) {
        String sid = s.id();
        int anchors = (s.day() != null ? 1 : 0) + (s.days() != null ? 1 : 0) + (s.phaseDay() != null ? 1 : 0)
                + (s.eventDay() != null ? 1 : 0);
        if (anchors != 1) {
            error(p + ".day", sid, "exactly one of day, days, phaseDay, eventDay is required");
        }
        if (length > 0) {
            if (s.day() != null) {
                inRange(s.day(), 1, length, p + ".day", sid);
                phaseMatches(t, s.phase(), s.day(), p, sid);
            }
            if (s.days() != null) {
                if (s.days().from() == null || s.days().to() == null) {
                    error(p + ".days", sid, "needs from and to");
                } else {
                    inRange(s.days().from(), 1, length, p + ".days.from", sid);
                    inRange(s.days().to(), s.days().from(), length, p + ".days.to", sid);
                    if (s.phase() != null) {
                        error(p + ".phase", sid, "is derived per day for a days span; leave it out");
                    }
                }
            }
            if (s.phaseDay() != null) {
                Phase ph = t.phases().stream().filter(x -> x != null && x.name() != null
                        && x.name().equals(s.phaseDay().phase())).findFirst().orElse(null);
                if (ph == null) {
                    error(p + ".phaseDay.phase", sid, "names no phase of this template");
                } else if (s.phaseDay().day() == null || s.phaseDay().day() < 1
                        || s.phaseDay().day() > ph.toDay() - ph.fromDay() + 1) {
                    error(p + ".phaseDay.day", sid, "must be between 1 and " + (ph.toDay() - ph.fromDay() + 1));
                } else if (s.phase() != null && !s.phase().equals(ph.name())) {
                    error(p + ".phase", sid, "contradicts phaseDay.phase " + ph.name());
                }
            }
        }
        if (s.eventDay() != null) {
            if (s.eventDay().event() == null || !EVENTS.contains(s.eventDay().event())) {
                error(p + ".eventDay.event", sid, "must be one of " + EVENTS);
            }
            inRange(s.eventDay().day(), 0, 366, p + ".eventDay.day", sid);
            if (s.action() != null && s.action() != Action.ONE_TO_ONE_TASK) {
                error(p + ".action", sid, "a step anchored on a member's event must be ONE_TO_ONE_TASK");
            }
            if (s.phase() != null) {
                error(p + ".phase", sid, "member-anchored steps take the phase of the day they fall on; leave it out");
            }
        }
        if (s.at() == null) {
            error(p + ".at", sid, "is required: local time HH:mm in the group's zone");
        }
        if (s.action() == null) {
            error(p + ".action", sid, "is required: one of GROUP_POST, ONE_TO_ONE_TASK, EVENT_SESSION, "
                    + "OFFER_WINDOW, METRIC_CHECKPOINT");
        }
        if (s.action() != Action.METRIC_CHECKPOINT
                && (s.content() == null || !CONTENT.matcher(s.content()).matches())) {
            error(p + ".content", sid, "is required: a content reference such as camp/opening");
        }
        if (s.ownerRole() == null || !NAME.matcher(s.ownerRole()).matches()) {
            error(p + ".ownerRole", sid, "is required: a staff role such as STEWARD");
        }
        if (s.quietHours() == null) {
            error(p + ".quietHours", sid, "is required: HOLD or SKIP");
        }
        if (s.staleness() == null || s.staleness().isNegative() || s.staleness().isZero()) {
            error(p + ".staleness", sid, "is required: a positive ISO-8601 duration such as PT6H");
        } else if (s.staleness().compareTo(Duration.ofDays(7)) > 0) {
            error(p + ".staleness", sid, "may be at most P7D");
        }
        if (s.action() == Action.OFFER_WINDOW) {
            if (s.window() == null || s.window().isNegative() || s.window().isZero()) {
                error(p + ".window", sid, "is required for OFFER_WINDOW: a positive duration such as P2D");
            }
        } else if (s.window() != null) {
            error(p + ".window", sid, "is only allowed on OFFER_WINDOW");
        }
        if (s.action() == Action.METRIC_CHECKPOINT && s.metric() != null && s.metric().isBlank()) {
            error(p + ".metric", sid, "must not be blank (leave it out to check the north-star metric)");
        }
        checkAudience(s.audience(), p + ".audience", sid);
    }

    private void checkAudience(Audience a, String p, String sid) {
        if (a == null) {
            error(p, sid, "is required ({all: true} for everybody)");
            return;
        }
        boolean filtered = a.layers() != null || a.stages() != null || a.activityStates() != null
                || a.roles() != null || a.tiers() != null || a.inactiveDays() != null || a.notCheckedInToday() != null;
        if (Boolean.TRUE.equals(a.all()) == filtered) {
            error(p, sid, "either all: true or at least one filter (layers, stages, activityStates, roles, tiers, "
                    + "inactiveDays, notCheckedInToday)");
        }
        values(a.layers(), LAYERS, p + ".layers", sid);
        values(a.stages(), STAGES, p + ".stages", sid);
        values(a.activityStates(), ACTIVITY_STATES, p + ".activityStates", sid);
        values(a.tiers(), TIERS, p + ".tiers", sid);
        if (a.roles() != null) {
            for (int i = 0; i < a.roles().size(); i++) {
                if (a.roles().get(i) == null || !NAME.matcher(a.roles().get(i)).matches()) {
                    error(p + ".roles[" + i + "]", sid, "must be a role name such as OPINION_LEADER");
                }
            }
        }
        if (a.inactiveDays() != null && a.inactiveDays() < 1) {
            error(p + ".inactiveDays", sid, "must be at least 1");
        }
        if (Boolean.FALSE.equals(a.notCheckedInToday())) {
            error(p + ".notCheckedInToday", sid, "can only be true (leave it out to not filter)");
        }
    }

    private void phaseMatches(Template t, String phase, int day, String p, String sid) {
        if (phase == null) {
            return;
        }
        String actual = t.phases().stream().filter(ph -> ph.fromDay() <= day && day <= ph.toDay())
                .map(Phase::name).findFirst().orElse(null);
        if (!phase.equals(actual)) {
            error(p + ".phase", sid, "day " + day + " falls in phase " + actual + ", not " + phase);
        }
    }

    private void values(List<String> given, Set<String> allowed, String p, String sid) {
        if (given == null) {
            return;
        }
        if (given.isEmpty()) {
            error(p, sid, "must not be empty (leave it out to not filter)");
        }
        for (int i = 0; i < given.size(); i++) {
            if (!allowed.contains(given.get(i))) {
                error(p + "[" + i + "]", sid, "must be one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private void inRange(Integer value, int min, int max, String p, String sid) {
        if (value == null || value < min || value > max) {
            error(p, sid, "must be between " + min + " and " + max);
        }
    }

    private void positive(Integer value, String p, String sid) {
        if (value == null || value < 1) {
            error(p, sid, "is required and must be at least 1");
        }
    }

    private void error(String field, String step, String message) {
        errors.add(new TemplateError(field, step, message));
    }
}
