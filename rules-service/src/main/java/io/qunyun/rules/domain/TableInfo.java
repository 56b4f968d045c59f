package io.qunyun.rules.domain;

/** What the running service knows about one workbook: its content hash and how many rule rows it has. */
public record TableInfo(DecisionTable table, String version, int rows) {

    public String name() {
        return table.tableName();
    }
}
