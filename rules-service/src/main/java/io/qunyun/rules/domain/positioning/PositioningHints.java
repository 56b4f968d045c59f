package io.qunyun.rules.domain.positioning;

/**
 * What else is known about a group besides its AIDASS span. Missing booleans count as false; a
 * missing planned duration matches no duration condition.
 */
public record PositioningHints(boolean screened, boolean paidEntry, boolean regional, boolean partnership,
        Integer plannedHours) {

    public static final PositioningHints NONE = new PositioningHints(false, false, false, false, null);
}
