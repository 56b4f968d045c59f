package io.qunyun.rules.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A made-up decision table (never compiled by the engine) whose fact has decimal, long and enum
 * inputs, to prove the checker does not depend on the shipped tables.
 */
final class SyntheticTable {

    private SyntheticTable() {
    }

    static byte[] workbook() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet("README").createRow(0).createCell(0).setCellValue("made-up table for the checker's tests");
            Sheet sheet = book.createSheet("Synthetic");
            row(sheet, 0, "RuleSet", "io.qunyun.rules.tables");
            row(sheet, 1, "Unit", "SyntheticUnit");
            row(sheet, 3, "RuleTable Synthetic");
            row(sheet, 4, "NAME", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "ACTION");
            row(sheet, 5, "", "$f: /facts");
            row(sheet, 6, "", "ratio < $param", "ratio >= $param", "count >= $param", "count < $param", "stage == $param",
                    "stage != $param", "$f.setOut(\"$param\");");
            row(sheet, 7, "Rule", "ratio below", "ratio at least", "count at least", "count below", "stage", "stage is not", "out");
            row(sheet, 8, "S01 low ratio", "0.2", "", "", "", "", "", "DISSOLVE");
            row(sheet, 9, "S02 busy", "", "0.2", "10", "", "", "", "OK");
            row(sheet, 10, "S03 quiet in stage A", "", "0.2", "", "10", "A", "", "REVIVE");
            row(sheet, 11, "S04 quiet elsewhere", "", "0.2", "", "10", "", "A", "TRANSFER");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c].isEmpty()) {
                continue;
            }
            if (cells[c].matches("-?\\d+(\\.\\d+)?") && index >= 8) {
                row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
            } else {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
    }
}

/** The made-up rule unit: any getter returning a parameterized collection of facts will do for the checker. */
class SyntheticUnit {

    public List<SyntheticFact> getFacts() {
        return List.of();
    }
}

class SyntheticFact {

    enum Stage {
        A, B
    }

    public double getRatio() {
        return 0;
    }

    public long getCount() {
        return 0;
    }

    public Stage getStage() {
        return null;
    }

    public void setOut(String out) {
    }
}
