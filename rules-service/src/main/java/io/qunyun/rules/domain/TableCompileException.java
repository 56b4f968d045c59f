package io.qunyun.rules.domain;

import java.util.List;

/** A workbook that does not compile; the problems name sheet, row, column and cell. */
public class TableCompileException extends RuntimeException {

    private final List<TableProblem> problems;

    public TableCompileException(DecisionTable table, List<TableProblem> problems) {
        super(table.tableName() + " does not compile: " + String.join("; ", problems.stream().map(TableProblem::text).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<TableProblem> problems() {
        return problems;
    }
}
