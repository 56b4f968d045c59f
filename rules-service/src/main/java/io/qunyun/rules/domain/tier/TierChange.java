package io.qunyun.rules.domain.tier;

/** How the decided tier compares with the member's current tier. */
public enum TierChange {
    PROMOTE, DEMOTE, KEEP;

    static TierChange between(Tier current, Tier decided) {
        if (current == null) {
            return null;
        }
        int diff = Integer.compare(decided.rank(), current.rank());
        return diff > 0 ? PROMOTE : diff < 0 ? DEMOTE : KEEP;
    }
}
