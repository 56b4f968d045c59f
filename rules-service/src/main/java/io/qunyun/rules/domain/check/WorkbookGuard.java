package io.qunyun.rules.domain.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import io.qunyun.rules.config.TablesConfig;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.TableProblem;
import io.qunyun.rules.domain.check.WorkbookRefusedException.Finding;
import io.qunyun.rules.domain.check.WorkbookRefusedException.Reason;

/**
 * What an uploaded workbook must pass before any of it is compiled, run or stored: an XLSX within the limits
 * ({@link WorkbookLimits}), whose decision sheet is wired exactly like the built-in workbook of its table
 * ({@link WiringCheck}) and whose data cells carry values, not code ({@link DataCellCheck}). Workbooks carry data: the
 * code they are compiled into comes from the built-in workbook alone.
 */
@ApplicationScoped
public class WorkbookGuard {

    @Inject
    TablesConfig config;

    @Inject
    DecisionTableCatalog catalog;

    private WorkbookLimits limits;
    private final Map<DecisionTable, SheetGrid> builtIn = new ConcurrentHashMap<>();

    @PostConstruct
    void limits() {
        TablesConfig.Upload upload = config.upload();
        limits = new WorkbookLimits(upload.maxEntryBytes(), upload.minInflateRatio(), upload.maxRows(), upload.maxColumns());
        limits.applyToPoi();
    }

    /**
     * @return the data cells of the right characters but the wrong form (the workbook is not compiled while there are any)
     * @throws WorkbookRefusedException when the workbook is refused
     */
    public List<TableProblem> admit(DecisionTable table, byte[] workbook) {
        SheetGrid upload;
        try (Workbook book = limits.open(table, workbook)) {
            Sheet sheet = book.getSheet(table.tableName());
            if (sheet == null || !sheet.getSheetName().equals(table.tableName())) {
                throw new WorkbookRefusedException(table, Reason.NOT_DATA, List.of(new Finding(table.tableName(),
                        TableProblem.of(table.tableName(), "工作簿中没有名为 " + table.tableName() + " 的工作表",
                                "the workbook has no sheet named " + table.tableName()))));
            }
            upload = SheetGrid.of(sheet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Finding> refusals = new ArrayList<>();
        List<WiringCheck.Table> tables = new WiringCheck(builtIn(table), upload, refusals).tables();
        List<TableProblem> findings = new ArrayList<>();
        if (refusals.isEmpty()) {
            new DataCellCheck(upload.name, refusals, findings).check(upload, tables);
        }
        if (!refusals.isEmpty()) {
            throw new WorkbookRefusedException(table, Reason.NOT_DATA, refusals);
        }
        return List.copyOf(findings);
    }

    private SheetGrid builtIn(DecisionTable table) {
        return builtIn.computeIfAbsent(table, t -> {
            try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(catalog.builtIn(t).workbook()))) {
                return SheetGrid.of(book.getSheet(t.tableName()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
