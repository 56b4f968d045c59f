package io.qunyun.rules.domain.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TierChangeTest {

    @Test
    void changeFollowsTheRank() {
        assertEquals(1, Tier.NEWBIE.rank());
        assertEquals(4, Tier.AMBASSADOR.rank());
        assertEquals(TierChange.PROMOTE, TierChange.between(Tier.NEWBIE, Tier.ACTIVE));
        assertEquals(TierChange.PROMOTE, TierChange.between(Tier.ACTIVE, Tier.AMBASSADOR));
        assertEquals(TierChange.DEMOTE, TierChange.between(Tier.CORE, Tier.ACTIVE));
        assertEquals(TierChange.KEEP, TierChange.between(Tier.CORE, Tier.CORE));
        assertNull(TierChange.between(null, Tier.CORE), "no current tier, no change");
    }
}
