package io.qunyun.rules.domain.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.check.WorkbookRefusedException.Reason;

/**
 * Opens an uploaded workbook only when it is an XLSX within the size limits: a ZIP (not text renamed .xlsx), whose
 * entries POI inflates no further than {@code maxEntryBytes} nor by more than {@code 1/minInflateRatio} (a zip bomb
 * would fill the pod's memory), with at most {@code maxRows} rows and {@code maxColumns} columns in every sheet.
 */
public record WorkbookLimits(long maxEntryBytes, double minInflateRatio, int maxRows, int maxColumns) {

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /**
     * POI's zip-bomb guard is process-wide (static): set once, it holds for every workbook this service reads, the
     * built-in ones included.
     */
    public void applyToPoi() {
        ZipSecureFile.setMaxEntrySize(maxEntryBytes);
        ZipSecureFile.setMinInflateRatio(minInflateRatio);
    }

    /** The workbook, open (the caller closes it). */
    public Workbook open(DecisionTable table, byte[] bytes) {
        if (bytes.length < ZIP.length || !java.util.Arrays.equals(bytes, 0, ZIP.length, ZIP, 0, ZIP.length)) {
            throw WorkbookRefusedException.body(table, Reason.NOT_A_WORKBOOK, "不是 Excel 工作簿（.xlsx），可能是改了扩展名的其他文件",
                    "is not an Excel workbook (.xlsx); it may be another kind of file renamed");
        }
        Workbook book;
        try {
            book = WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            if (zipBomb(e)) {
                throw WorkbookRefusedException.body(table, Reason.TOO_LARGE, "解压后过大（疑似压缩炸弹），已拒绝",
                        "inflates beyond the limits (a zip bomb?); refused");
            }
            throw WorkbookRefusedException.body(table, Reason.NOT_A_WORKBOOK, "无法作为 .xlsx 工作簿读取",
                    "cannot be read as an .xlsx workbook");
        }
        if (!(book instanceof XSSFWorkbook)) {
            close(book);
            throw WorkbookRefusedException.body(table, Reason.NOT_A_WORKBOOK, "不是 .xlsx 工作簿", "is not an .xlsx workbook");
        }
        for (Sheet sheet : book) {
            // rows and cells as stored: a program may store an empty styled row far below (LibreOffice does)
            if (sheet.getPhysicalNumberOfRows() > maxRows) {
                close(book);
                throw WorkbookRefusedException.body(table, Reason.TOO_LARGE, "工作表 " + sheet.getSheetName() + " 超过 " + maxRows + " 行",
                        "sheet " + sheet.getSheetName() + " has more than " + maxRows + " rows");
            }
            for (Row row : sheet) {
                if (row.getPhysicalNumberOfCells() > maxColumns) {
                    close(book);
                    throw WorkbookRefusedException.body(table, Reason.TOO_LARGE, "工作表 " + sheet.getSheetName() + " 第 "
                            + (row.getRowNum() + 1) + " 行超过 " + maxColumns + " 列", "sheet " + sheet.getSheetName() + ", row "
                            + (row.getRowNum() + 1) + " has more than " + maxColumns + " columns");
                }
            }
        }
        return book;
    }

    /** POI says "Zip bomb detected!" when an entry inflates beyond the ratio or the size; readers wrap it. */
    private static boolean zipBomb(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static void close(Workbook book) {
        try {
            book.close();
        } catch (IOException e) {
            // nothing was written: closing a read-only workbook cannot lose anything
        }
    }
}
