package io.qunyun.rules.domain.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a GroupHealth row must write; a defective row is refused with its name (no engine needed). */
class HealthCaseTest {

    static HealthCase healthCase(Integer lifespanHours, int ageHours) {
        return new HealthCase(new GroupMetrics(null, 3, 0.5, 0.5, 0, ageHours, lifespanHours));
    }

    @Test
    void rowsAreRecordedInFiringOrderAndOutputsResetBetweenRows() {
        HealthCase c = healthCase(null, 100);
        c.setVerdict("REVIVE");
        c.setReviveKind("RED_PACKET");
        c.setMessage("warm it up");
        c.closeRow("H08 quiet group");
        c.setVerdict(" OK ");
        c.setMessage("fine");
        c.closeRow("H09 healthy");
        assertEquals(new HealthOutcome("H08 quiet group", Verdict.REVIVE, ReviveKind.RED_PACKET, "warm it up"),
                c.outcomes().get(0));
        assertEquals(new HealthOutcome("H09 healthy", Verdict.OK, null, "fine"), c.outcomes().get(1));
    }

    @Test
    void defectiveRowsAreNamed() {
        HealthCase reviveWithoutKind = healthCase(null, 100);
        reviveWithoutKind.setVerdict("REVIVE");
        reviveWithoutKind.setMessage("m");
        assertTrue(assertThrows(IllegalStateException.class, () -> reviveWithoutKind.closeRow("H99 x")).getMessage()
                .contains("H99 x"));

        HealthCase kindWithoutRevive = healthCase(null, 100);
        kindWithoutRevive.setVerdict("OK");
        kindWithoutRevive.setReviveKind("RED_PACKET");
        kindWithoutRevive.setMessage("m");
        assertThrows(IllegalStateException.class, () -> kindWithoutRevive.closeRow("H98 y"));

        HealthCase unknownVerdict = healthCase(null, 100);
        unknownVerdict.setVerdict("MERGE");
        unknownVerdict.setMessage("m");
        assertTrue(assertThrows(IllegalStateException.class, () -> unknownVerdict.closeRow("H97 z")).getMessage()
                .contains("unknown verdict 'MERGE'"));

        HealthCase noMessage = healthCase(null, 100);
        noMessage.setVerdict("OK");
        assertThrows(IllegalStateException.class, () -> noMessage.closeRow("H96 w"));
    }

    @Test
    void pastLifespanFromAgeHoursAndLifespan() {
        assertFalse(healthCase(null, 100_000).isPastLifespan(), "open-ended groups never are");
        assertFalse(healthCase(48, 47).isPastLifespan());
        assertTrue(healthCase(48, 48).isPastLifespan());
        assertTrue(healthCase(48, 49).isPastLifespan());
    }
}
