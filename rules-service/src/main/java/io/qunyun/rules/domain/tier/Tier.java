package io.qunyun.rules.domain.tier;

/**
 * Member tiers, lowest first. The Tiers table decides which tier a growth value reaches; the order
 * here (the rank) only says which way a change goes.
 */
public enum Tier {
    NEWBIE, ACTIVE, CORE, AMBASSADOR;

    /** 1 for the lowest tier. */
    public int rank() {
        return ordinal() + 1;
    }
}
