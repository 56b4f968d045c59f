package io.qunyun.rules.domain;

/**
 * One thing wrong with a workbook, located where the analyst fixes it and said in Chinese and English.
 * The place fields may be null when the problem has no such place (e.g. a gap of the whole table).
 *
 * @param sheet  the sheet, e.g. {@code Rewards}
 * @param row    the row number as the spreadsheet program shows it (1-based)
 * @param rule   the rule name in that row, when the row is a rule
 * @param column the column's label (row "column titles" of the table), e.g. {@code multiplier 倍数}
 * @param cell   the cell's text as the program shows it
 * @param zh     the whole message in Chinese, place included
 * @param en     the whole message in English, place included
 */
public record TableProblem(String sheet, Integer row, String rule, String column, String cell, String zh, String en) {

    /** A problem of the whole sheet. */
    public static TableProblem of(String sheet, String zh, String en) {
        return new TableProblem(sheet, null, null, null, null, "工作表 " + sheet + "：" + zh, "sheet " + sheet + ": " + en);
    }

    /** A problem of one cell (or, with a null column, of one row; with a null rule, of one column). */
    public static TableProblem at(String sheet, DecisionTableSheet.Rule rule, DecisionTableSheet.Column column, String zh,
            String en) {
        String cell = rule == null || column == null ? null : rule.cell(column);
        StringBuilder zhPlace = new StringBuilder("工作表 ").append(sheet);
        StringBuilder enPlace = new StringBuilder("sheet ").append(sheet);
        if (rule != null) {
            zhPlace.append(" 第 ").append(rule.row()).append(" 行「").append(rule.name()).append("」");
            enPlace.append(", row ").append(rule.row()).append(" '").append(rule.name()).append("'");
        }
        if (column != null) {
            zhPlace.append(" 列「").append(column.label()).append("」");
            enPlace.append(", column '").append(column.label()).append("'");
        }
        if (cell != null && !en.contains("'" + cell + "'")) {
            zhPlace.append(" 单元格「").append(cell).append("」");
            enPlace.append(", cell '").append(cell).append("'");
        }
        return new TableProblem(sheet, rule == null ? null : rule.row(), rule == null ? null : rule.name(),
                column == null ? null : column.label(), cell, zhPlace + "：" + zh, enPlace + ": " + en);
    }

    /** English, then Chinese. */
    public String text() {
        return en + " | " + zh;
    }
}
