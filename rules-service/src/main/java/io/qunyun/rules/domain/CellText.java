package io.qunyun.rules.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The text of a workbook cell as the analyst sees it in any spreadsheet program, whatever the program
 * stored: LibreOffice Calc stores a boolean as the formula {@code TRUE()} with a cached value, Excel as a
 * boolean cell, other tools as inline strings, shared strings or numbers stored as text. A formula cell
 * reads as its cached value (never the formula text), a boolean as {@code true}/{@code false}, a whole
 * number without decimals ({@code 10}, not {@code 10.0}), text trimmed.
 */
public final class CellText {

    private CellText() {
    }

    public static String of(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case BOOLEAN -> cell.getBooleanCellValue() ? "true" : "false";
            case NUMERIC -> number(cell.getNumericCellValue());
            case STRING -> cell.getRichStringCellValue().getString().trim();
            case ERROR -> "#ERROR";
            default -> "";
        };
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * A copy of the workbook in which every cell holds its {@link #of text} as a plain string: what the
     * decision-table compiler reads, so that it sees exactly what the checks and the analyst see
     * (formulas, booleans and number formats of the saving program no longer matter). Merged cells,
     * sheets and their order are kept.
     */
    public static byte[] plain(byte[] workbook) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String text = of(cell);
                        if (cell.getCellType() == CellType.FORMULA) {
                            cell.removeFormula();
                        }
                        if (text.isEmpty()) {
                            cell.setBlank();
                        } else {
                            cell.setCellValue(text);
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(workbook.length);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
