package io.qunyun.rules.domain.schedule;

/** What happens to a 1:1 task beyond the daily contact cap: moved to the next local day, or skipped. */
public enum CapMode {
    DEFER, SKIP
}
