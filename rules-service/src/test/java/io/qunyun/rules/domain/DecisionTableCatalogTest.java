package io.qunyun.rules.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Hit policies as the service applies them to the rows that fired (the catalog reads the workbooks, no CDI needed). */
class DecisionTableCatalogTest {

    /** Compiling every built-in workbook takes seconds: once for the class. */
    static final DecisionTableCatalog catalog = new DecisionTableCatalog();

    @Test
    void hitPoliciesComeFromThePropertiesNextToTheWorkbooks() {
        assertEquals(HitPolicy.PRIORITY, catalog.hitPolicy(DecisionTable.GROUP_POSITIONING));
        assertEquals(HitPolicy.PRIORITY, catalog.hitPolicy(DecisionTable.REWARDS));
        assertEquals(HitPolicy.COLLECT, catalog.hitPolicy(DecisionTable.FIVE_W_ONE_H));
        assertEquals(HitPolicy.UNIQUE, catalog.hitPolicy(DecisionTable.TIERS));
        assertEquals(HitPolicy.PRIORITY, catalog.hitPolicy(DecisionTable.GROUP_HEALTH));
        assertEquals(HitPolicy.PRIORITY, catalog.hitPolicy(DecisionTable.TOUCH_STRATEGY));
    }

    @Test
    void groupHealthAndTouchStrategyDecideByTheSameRule() {
        assertEquals("H02 lifespan over", catalog.active(DecisionTable.GROUP_HEALTH).decidingRow(List.of("H09 healthy", "H03 new group warming up", "H02 lifespan over")));
        assertEquals("S16 lead group: do not over-operate", catalog.active(DecisionTable.TOUCH_STRATEGY).decidingRow(List.of("S14 periphery default: core members drive the group", "S16 lead group: do not over-operate")));
    }

    @Test
    void tiersRowsOverlappingAreADefect() {
        assertEquals("T05 active", catalog.active(DecisionTable.TIERS).decidingRow(List.of("T05 active")));
        assertThrows(DecisionTableDefectException.class,
                () -> catalog.active(DecisionTable.TIERS).decidingRow(List.of("T05 active", "T06 core")));
    }

    @Test
    void theHighestPriorityDecidesWhateverTheFiringOrder() {
        assertEquals("R13 repeated advertising expels", catalog.active(DecisionTable.REWARDS).decidingRow(List.of("R06 advertising in the group", "R13 repeated advertising expels")));
        assertEquals("R11 purchase in the climax phase", catalog.active(DecisionTable.REWARDS).decidingRow(List.of("R05 purchase", "R12 purchase by an ambassador", "R11 purchase in the climax phase")));
        assertNull(catalog.active(DecisionTable.REWARDS).decidingRow(List.of()));
    }

    @Test
    void equalTopPrioritiesAreADefectNeverASilentPick() {
        DecisionTableDefectException defect = assertThrows(DecisionTableDefectException.class,
                () -> catalog.active(DecisionTable.REWARDS).decidingRow(List.of("R01 check-in", "R03 share")));
        assertTrue(defect.getMessage().contains("[R01 check-in, R03 share] all match with the same priority 10"),
                defect.getMessage());
        assertThrows(DecisionTableDefectException.class,
                () -> catalog.active(DecisionTable.REWARDS).decidingRow(List.of("R99 not in the workbook")));
    }

    @Test
    void aMissingPolicyIsUniqueAndAWrongOneIsRefused() {
        assertEquals(HitPolicy.UNIQUE, DecisionTableCatalog.hitPolicy(DecisionTable.REWARDS, new Properties()));
        Properties wrong = new Properties();
        wrong.setProperty(DecisionTableCatalog.HIT_POLICY, "FIRST");
        assertThrows(IllegalStateException.class, () -> DecisionTableCatalog.hitPolicy(DecisionTable.REWARDS, wrong));
    }

    @Test
    void rowCountsAndPrioritiesAreReadFromTheDecisionSheet() {
        assertEquals(13, catalog.info(DecisionTable.REWARDS).rows());
        assertEquals(18, catalog.info(DecisionTable.FIVE_W_ONE_H).rows());
        assertEquals(13, catalog.info(DecisionTable.GROUP_POSITIONING).rows());
        assertEquals(7, catalog.info(DecisionTable.TIERS).rows(), "both tables of the sheet: 3 weights + 4 tiers");
        assertEquals(11, catalog.info(DecisionTable.GROUP_HEALTH).rows());
        assertEquals(15, catalog.info(DecisionTable.TOUCH_STRATEGY).rows());
        assertEquals(3, catalog.info(DecisionTable.METRIC_DEFINITIONS).rows());
    }
}
