package io.qunyun.rules.domain.check;

import java.util.List;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.TableProblem;

/**
 * An upload refused before anything of it was compiled or stored: not a workbook, over a size limit, or a workbook
 * that changes more than data (its wiring, settings or code templates, or a data cell that carries code). Each
 * finding names where: {@code <sheet>!<cell>} (e.g. {@code Rewards!K9}), or {@code body} for the file as a whole.
 */
public class WorkbookRefusedException extends RuntimeException {

    /** Why, which decides the HTTP status: 400 not a workbook, 413 too large, 422 more than data. */
    public enum Reason {
        NOT_A_WORKBOOK, TOO_LARGE, NOT_DATA
    }

    /** One refused place: {@code where} as above, {@code problem} in Chinese and English. */
    public record Finding(String where, TableProblem problem) {
    }

    private final DecisionTable table;
    private final Reason reason;
    private final List<Finding> findings;

    public WorkbookRefusedException(DecisionTable table, Reason reason, List<Finding> findings) {
        super(table.tableName() + " refused: " + String.join("; ", findings.stream().map(f -> f.where() + ": "
                + f.problem().en()).toList()));
        this.table = table;
        this.reason = reason;
        this.findings = List.copyOf(findings);
    }

    /** The whole file refused ({@code body}), said in Chinese and English. */
    static WorkbookRefusedException body(DecisionTable table, Reason reason, String zh, String en) {
        String file = table.fileName();
        return new WorkbookRefusedException(table, reason, List.of(new Finding("body", new TableProblem(null, null, null, null,
                null, "上传的文件（应为 " + file + "）：" + zh, "the uploaded file (" + file + " expected): " + en))));
    }

    /** A request body over {@code maxBytes}. */
    public static WorkbookRefusedException bodyTooLarge(DecisionTable table, long maxBytes) {
        return body(table, Reason.TOO_LARGE, "超过上传上限 " + maxBytes + " 字节", "is larger than the upload limit of " + maxBytes
                + " bytes");
    }

    public DecisionTable table() {
        return table;
    }

    public Reason reason() {
        return reason;
    }

    public List<Finding> findings() {
        return findings;
    }
}
