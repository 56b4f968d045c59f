package io.qunyun.rules.domain;

/**
 * One thing wrong with a workbook, located where the analyst fixes it and said in Chinese and English.
 * Every field but the messages may be null when the problem has no such place (e.g. a missing sheet).
 *
 * @param sheet  the sheet, e.g. {@code Rewards}
 * @param row    the row number as the spreadsheet program shows it (1-based)
 * @param rule   the rule name in that row, when the row is a rule
 * @param column the column's label (row "column titles" of the table), e.g. {@code multiplier 倍数}
 * @param cell   the cell's text as the program shows it
 */
public record TableProblem(String sheet, Integer row, String rule, String column, String cell, String zh, String en) {

    public static TableProblem of(String sheet, String zh, String en) {
        return new TableProblem(sheet, null, null, null, null, zh, en);
    }

    public static TableProblem at(String sheet, DecisionTableSheet.Rule rule, DecisionTableSheet.Column column, String zh,
            String en) {
        return new TableProblem(sheet, rule == null ? null : rule.row(), rule == null ? null : rule.name(),
                column == null ? null : column.label(), rule == null || column == null ? null : rule.cell(column), zh, en);
    }

    /** Where, then what: {@code 工作表 Rewards 第 13 行「R05 purchase」列「base points」单元格「fifty」：… / sheet Rewards, row 13 …: …}. */
    public String text() {
        StringBuilder zhText = new StringBuilder();
        StringBuilder enText = new StringBuilder();
        if (sheet != null) {
            zhText.append("工作表 ").append(sheet);
            enText.append("sheet ").append(sheet);
        }
        if (row != null) {
            zhText.append(" 第 ").append(row).append(" 行");
            enText.append(", row ").append(row);
            if (rule != null) {
                zhText.append("「").append(rule).append("」");
                enText.append(" '").append(rule).append("'");
            }
        }
        if (column != null) {
            zhText.append(" 列「").append(column).append("」");
            enText.append(", column '").append(column).append("'");
        }
        if (cell != null) {
            zhText.append(" 单元格「").append(cell).append("」");
            enText.append(", cell '").append(cell).append("'");
        }
        return zhText + "：" + zh + " / " + enText + ": " + en;
    }
}
