package io.qunyun.rules.domain;

/** What the running service knows about one workbook: its content hash, rule rows and hit policy. */
public record TableInfo(DecisionTable table, String version, int rows, HitPolicy hitPolicy) {

    public String name() {
        return table.tableName();
    }
}
