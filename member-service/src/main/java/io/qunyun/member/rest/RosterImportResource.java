package io.qunyun.member.rest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.qunyun.member.domain.RosterImportService;
import io.qunyun.member.domain.RosterRow;
import io.qunyun.platform.rest.InvalidParameterException;

/**
 * {@code POST /members/import} (text/csv, UTF-8 with or without BOM): header
 * {@code sourceSystem,externalId,displayName}, one member per row. Good rows are imported, bad rows
 * reported with their row number and field; a file that cannot be read at all is a 400 that writes
 * nothing.
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

    private static final CsvMapper CSV = new CsvMapper();

    private final RosterImportService service;

    RosterImportResource(RosterImportService service) {
        this.service = service;
    }

    @RolesAllowed({"integration", "operator", "admin"})
    @POST
    @Consumes({ "text/csv", "application/csv" })
    @Produces(MediaType.APPLICATION_JSON)
    public ImportResult importRoster(byte[] body) {
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Map<String, String>> records = new ArrayList<>();
        List<String> header;
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(text)) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
                if (records.size() > MAX_ROWS) {
                    throw new InvalidParameterException("body", "has more than " + MAX_ROWS + " rows; split the file");
                }
            }
            // known once the parser has read the header line (the first hasNextValue)
            header = new ArrayList<>();
            CsvSchema schema = (CsvSchema) it.getParserSchema();
            if (schema != null) {
                schema.forEach(column -> header.add(column.getName().strip()));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidParameterException invalid) {
                throw invalid;
            }
            throw new InvalidParameterException("body", "is not a readable CSV file: " + e.getMessage());
        }
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                throw new InvalidParameterException("header", "must name the columns " + COLUMNS + "; missing " + column);
            }
        }
        List<RowError> errors = new ArrayList<>();
        List<RosterRow> good = new ArrayList<>();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            int row = i + 1;
            Map<String, String> record = records.get(i);
            Map<String, String> values = new HashMap<>();
            boolean valid = true;
            for (String column : COLUMNS) {
                String value = record.get(column) == null ? "" : record.get(column).strip();
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
        RosterImportService.Counts counts = service.importRows(good);
        return new ImportResult(records.size(), counts.imported(), counts.updated(), counts.unchanged(),
                records.size() - good.size(), errors);
    }

    private static String utf8(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidParameterException("body", "is empty; send a CSV file with the header "
                    + String.join(",", COLUMNS));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidParameterException("body", "is not UTF-8 text");
        }
    }
}
