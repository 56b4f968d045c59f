package io.qunyun.campaign.domain.campaign;

/** State of a timeline row (docs/campaigns.md, "Timeline states"). */
public enum StepState {
    /** Not yet due, or due and waiting for the scheduler. */
    PENDING,
    /** A 1:1 step whose audience is being turned into tasks page by page. */
    MATERIALISING,
    /** Fired on time. */
    DONE,
    /** Fired, but later than its due instant (downtime, pause): still within its staleness window. */
    LATE,
    /** Not fired, by a rule: quiet hours (SKIP mode), a platform limit; the reason says which. */
    SKIPPED,
    /** Not fired: it was older than its staleness window when the scheduler reached it, or a newer slot of the same step superseded it. */
    EXPIRED,
    /** Not fired: the campaign was cancelled or the member left. */
    CANCELLED
}
