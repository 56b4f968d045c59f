package io.qunyun.member.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.qunyun.member.domain.RosterImportService;
import io.qunyun.member.domain.RosterRow;
import io.qunyun.platform.rest.InvalidParameterException;

/**
 * {@code POST /members/import} (text/csv in the declared charset, else UTF-8; a BOM is skipped): header
 * {@code sourceSystem,externalId,displayName}, one member per row. Good rows are imported, bad rows (blank or
 * long fields, a repeated key, an extra value, an unreadable row) reported with their row number and field; a
 * file that cannot be decoded or has no such header is a 400 that writes nothing.
 */
@Path("/members/import")
public class RosterImportResource {

    static final int MAX_ROWS = 10_000;
    static final List<String> COLUMNS = List.of("sourceSystem", "externalId", "displayName");
    private static final Map<String, Integer> MAX_LENGTH = Map.of("sourceSystem", 64, "externalId", 128,
            "displayName", 200);

    /** @param row 1 = the first row after the header */
    public record RowError(int row, String field, String message) {
    }

    public record ImportResult(int rows, int imported, int updated, int unchanged, int failed, List<RowError> errors) {
    }

    private final RosterImportService service;

    RosterImportResource(RosterImportService service) {
        this.service = service;
    }

    @RolesAllowed({"integration", "operator", "admin"})
    @POST
    @Consumes({ "text/csv", "application/csv" })
    @Produces(MediaType.APPLICATION_JSON)
    public ImportResult importRoster(byte[] body, @Context HttpHeaders headers) {
        if (body == null || body.length == 0) {
            throw new InvalidParameterException("body", "is empty; send a CSV file with the header "
                    + String.join(",", COLUMNS));
        }
        MediaType type = headers.getMediaType();
        String text = RosterCsv.decode(body, type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER));
        RosterCsv.Parsed parsed = RosterCsv.parse(text, MAX_ROWS);
        List<String[]> records = parsed.rows();
        if (records.size() > MAX_ROWS) {
            throw new InvalidParameterException("body", "has more than " + MAX_ROWS + " rows; split the file");
        }
        List<String> header = parsed.header();
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                throw new InvalidParameterException("header", "must name the columns " + COLUMNS + "; missing " + column);
            }
        }
        List<RowError> errors = new ArrayList<>(parsed.errors());
        List<RosterRow> good = new ArrayList<>();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            int row = i + 1;
            String[] record = records.get(i);
            if (record == null) {
                continue; // not readable as CSV: reported by RosterCsv
            }
            Map<String, String> values = new HashMap<>();
            boolean valid = true;
            for (String column : COLUMNS) {
                int index = header.indexOf(column);
                String value = index < record.length && record[index] != null ? record[index].strip() : "";
                if (value.isEmpty()) {
                    errors.add(new RowError(row, column, "must not be blank"));
                    valid = false;
                } else if (value.length() > MAX_LENGTH.get(column)) {
                    errors.add(new RowError(row, column, "size must be at most " + MAX_LENGTH.get(column)));
                    valid = false;
                } else if (value.indexOf('\u0000') >= 0) {
                    errors.add(new RowError(row, column, "must not contain NUL"));
                    valid = false;
                }
                values.put(column, value);
            }
            if (!valid) {
                continue;
            }
            String key = values.get("sourceSystem") + "\u0000" + values.get("externalId");
            Integer first = firstRowOfKey.putIfAbsent(key, row);
            if (first != null) {
                errors.add(new RowError(row, "externalId", "repeats row " + first + " (same sourceSystem and externalId)"));
                continue;
            }
            good.add(new RosterRow(row, values.get("sourceSystem"), values.get("externalId"), values.get("displayName")));
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::row));
        RosterImportService.Counts counts = service.importRows(good);
        return new ImportResult(records.size(), counts.imported(), counts.updated(), counts.unchanged(),
                records.size() - good.size(), errors);
    }
}
