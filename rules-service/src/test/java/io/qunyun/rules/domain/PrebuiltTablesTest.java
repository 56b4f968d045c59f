package io.qunyun.rules.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qunyun.rules.domain.reward.RewardContext;
import io.qunyun.rules.domain.reward.RewardService;
import io.qunyun.rules.domain.reward.RewardServiceWiring;

/**
 * The built-in tables compiled by the build ({@link PrebuiltTables}, written to target/classes in the
 * process-classes phase) are the tables a compile at startup gives: same versions, sheets, priorities, rule
 * units and decisions; and they are not used for a workbook they were not built from.
 */
class PrebuiltTablesTest {

    @Test
    void theBuildsTablesAreTheTablesACompileGives() {
        Map<DecisionTable, TableCompiler.Source> sources = DecisionTableCatalog.builtInSources();
        Map<DecisionTable, CompiledTable> prebuilt = PrebuiltTables.load(sources)
                .orElseThrow(() -> new AssertionError(PrebuiltTables.RESOURCE + " missing or not built from these workbooks"));
        Map<DecisionTable, CompiledTable> compiled = TableCompiler.compileAll(sources);
        assertEquals(compiled.keySet(), prebuilt.keySet());
        for (DecisionTable table : DecisionTable.values()) {
            CompiledTable a = prebuilt.get(table);
            CompiledTable b = compiled.get(table);
            assertEquals(b.version(), a.version(), table.tableName());
            assertEquals(b.hitPolicy(), a.hitPolicy(), table.tableName());
            assertEquals(b.sheets(), a.sheets(), table.tableName());
            assertEquals(b.priorities(), a.priorities(), table.tableName());
            assertEquals(b.units().keySet(), a.units().keySet(), table.tableName());
        }

        RewardService fromBuild = RewardServiceWiring.rewardService(new DecisionTableCatalog(true), 0, new SimpleMeterRegistry());
        RewardService fromCompile = RewardServiceWiring.rewardService(new DecisionTableCatalog(false), 0, new SimpleMeterRegistry());
        int decisions = 0;
        for (String type : new String[] {"CHECK_IN", "SHARE", "CONTENT_POST", "PURCHASE", "AD_SPAM", "LIKE"}) {
            for (boolean inGroup : new boolean[] {false, true}) {
                for (Integer streak : new Integer[] {null, 7, 14, 21}) {
                    for (String phase : new String[] {null, "CLIMAX", "WRAP_UP"}) {
                        for (String tier : new String[] {null, "AMBASSADOR"}) {
                            for (int offences = 0; offences <= 2; offences++) {
                                RewardContext context = new RewardContext(type, inGroup, streak, phase, tier, offences);
                                assertEquals(fromCompile.decide(context), fromBuild.decide(context), context.toString());
                                decisions++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(864, decisions);
    }

    @Test
    void anotherWorkbookIsCompiledNotTakenFromTheBuild() throws IOException {
        Map<DecisionTable, TableCompiler.Source> sources = new EnumMap<>(DecisionTableCatalog.builtInSources());
        byte[] edited;
        try (InputStream in = getClass().getResourceAsStream("/workbooks/libreoffice/Rewards-R02-multiplier-3.drl.xlsx")) {
            edited = in.readAllBytes();
        }
        sources.put(DecisionTable.REWARDS, new TableCompiler.Source(edited, HitPolicy.PRIORITY));
        assertTrue(PrebuiltTables.load(sources).isEmpty(), "the build's module was not built from this workbook");
    }
}
