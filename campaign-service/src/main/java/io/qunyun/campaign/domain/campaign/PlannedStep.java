package io.qunyun.campaign.domain.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One occurrence of a step (or a phase boundary) for one target, as the timeline plans it.
 * {@code plannedAt} is the template's local time; {@code dueAt} is after a quiet-hour hold.
 * {@code staleness} null means it never expires (phase boundaries).
 */
public record PlannedStep(String stepId, int occurrence, String target, UUID memberId, Kind kind, String action,
        String phase, int day, Instant plannedAt, Instant dueAt, LocalDateTime localDue, Duration staleness,
        StepState state, String reason) {

    public enum Kind {
        STEP, PHASE
    }

    public static final String GROUP_TARGET = "group";

    public static String memberTarget(UUID memberId, java.time.LocalDate joinedLocalDate) {
        return "member:" + memberId + ":" + joinedLocalDate;
    }

    /** The join date (day 0) a member target is anchored on. */
    public static java.time.LocalDate anchorOf(String memberTarget) {
        return java.time.LocalDate.parse(memberTarget.substring(memberTarget.lastIndexOf(':') + 1));
    }
}
