package io.qunyun.rules.check;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import io.qunyun.rules.domain.DecisionTable;

/** Hostile copies of a shipped workbook, made with POI the way an attacker with a spreadsheet program would. */
public final class HostileWorkbooks {

    private HostileWorkbooks() {
    }

    public static byte[] shipped(DecisionTable table) {
        try {
            return Files.readAllBytes(Path.of("src", "main", "resources", table.resource()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook with each {@code address, text} pair written into the sheet (e.g. {@code "J13", "1); System.exit(0"}). */
    public static byte[] withCells(byte[] workbook, String sheetName, String... addressesAndTexts) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet(sheetName);
            for (int i = 0; i < addressesAndTexts.length; i += 2) {
                CellReference at = new CellReference(addressesAndTexts[i]);
                Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
                row.getCell(at.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(addressesAndTexts[i + 1]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook with one more entry of {@code inflated} bytes that deflate to almost nothing (a zip bomb). */
    public static byte[] zipBomb(byte[] workbook, int inflated) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("xl/media/bomb.xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int written = 0; written < inflated; written += spaces.length) {
                out.write(spaces);
            }
            out.closeEntry();
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
