package io.qunyun.rules.domain;

/**
 * The decision tables this service serves. Each workbook is compiled at build time by the Drools
 * code generator; the sheet named like the table holds the rules (the first sheet is the README for
 * analysts, skipped through the {@code .drl.xlsx.properties} file next to the workbook).
 */
public enum DecisionTable {

    GROUP_POSITIONING("GroupPositioning", "io/qunyun/rules/domain/positioning/GroupPositioning.drl.xlsx"),
    FIVE_W_ONE_H("FiveW1H", "io/qunyun/rules/domain/selfcheck/FiveW1H.drl.xlsx"),
    REWARDS("Rewards", "io/qunyun/rules/domain/reward/Rewards.drl.xlsx");

    private final String tableName;
    private final String resource;

    DecisionTable(String tableName, String resource) {
        this.tableName = tableName;
        this.resource = resource;
    }

    /** Name analysts know the table by; also the name of the decision sheet in the workbook. */
    public String tableName() {
        return tableName;
    }

    /** Classpath location of the workbook. */
    public String resource() {
        return resource;
    }
}
