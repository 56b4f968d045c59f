package io.qunyun.rules.domain.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.qunyun.rules.domain.DecisionTable;

/**
 * Regression cases of the decision tables: one CSV per table in
 * {@code src/main/resources/decision-cases/<Table>.csv} (UTF-8, RFC 4180 quoting), shipped with the service
 * so that an uploaded workbook is checked against them.
 *
 * <p>Header: {@code case}, then request fields (JSON field names of the table's decision endpoint),
 * then {@code expect.<response field>} columns. A response field is a path into the JSON answer:
 * {@code points}, {@code findings[0].code}, or {@code findings.code} for the list of every finding's
 * code (lists are compared joined with {@code |}). Special expectations: {@code expect.firedRules}
 * (row names separated by {@code |}, any order), {@code expect.status} (HTTP status, default 200).
 * Empty input cell = field absent; empty expect cell = not checked; {@code null} = JSON null /
 * expected absent; {@code (none)} = an empty list. Cells that read as JSON numbers or booleans are sent
 * as such, anything else as text.
 */
public final class DecisionCases {

    /** In the source tree (tests, the coverage check); the same files are on the classpath as {@link #RESOURCE}. */
    public static final Path DIRECTORY = Path.of("src", "main", "resources", "decision-cases");
    public static final String RESOURCE = "decision-cases/";
    public static final String EXPECT = "expect.";
    public static final String FIRED = "firedRules";
    public static final String DECIDED_BY = "decidedBy";
    public static final String STATUS = "status";
    public static final String NONE = "(none)";

    private DecisionCases() {
    }

    /** One row of a CSV: inputs by request field, expectations by response path (without "expect."). */
    public record Case(String table, String file, int line, String name, Map<String, String> inputs,
            Map<String, String> expects) {

        public String label() {
            return table + " case '" + name + "'";
        }

        /** Expected fired rows; empty when not checked; {@code (none)} gives an empty set. */
        public Optional<Set<String>> firedRules() {
            String cell = expects.getOrDefault(FIRED, "");
            if (cell.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(rows(cell));
        }
    }

    public static Set<String> rows(String cell) {
        Set<String> rows = new LinkedHashSet<>();
        if (!cell.equals(NONE)) {
            Arrays.stream(cell.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).forEach(rows::add);
        }
        return rows;
    }

    /** Every CSV in the cases directory, by file name without {@code .csv}. */
    public static List<Path> files() {
        if (!Files.isDirectory(DIRECTORY)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<Path> file(DecisionTable table) {
        Path file = DIRECTORY.resolve(table.tableName() + ".csv");
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    /** The table a CSV belongs to (by file name), or an explanation why none. */
    public static DecisionTable table(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        return DecisionTable.byName(name).orElseThrow(() -> new IllegalArgumentException(file + ": no decision table named '"
                + name + "' (the file name must be the table name, e.g. Rewards.csv)"));
    }

    public static List<Case> read(Path file) {
        try {
            return read(file.getFileName().toString().replaceFirst("\\.csv$", ""), file.toString(),
                    Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cases of {@code table} shipped on the classpath; none when it has no CSV. */
    public static List<Case> of(DecisionTable table) {
        String resource = RESOURCE + table.tableName() + ".csv";
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return read(table.tableName(), resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request fields the regression cases of {@code table} use (the CSV's input columns, in order). */
    public static List<String> inputFields(DecisionTable table) {
        String resource = RESOURCE + table.tableName() + ".csv";
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            List<List<String>> records = parse(text);
            return records.isEmpty() ? List.of() : records.get(0).stream().skip(1).map(String::trim)
                    .filter(column -> !column.startsWith(EXPECT)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> read(String table, String file, String content) {
        List<List<String>> records;
        {
            String text = content;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // Excel writes a BOM into UTF-8 CSV files
            }
            records = parse(text);
        }
        if (records.isEmpty() || !records.get(0).get(0).trim().equals("case")) {
            throw new IllegalArgumentException(file + ": the first line must be the header, starting with 'case'");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        List<Case> cases = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (record.size() > header.size()) {
                throw new IllegalArgumentException(file + " line " + (r + 1) + ": " + record.size() + " cells but the header has "
                        + header.size());
            }
            Map<String, String> inputs = new LinkedHashMap<>();
            Map<String, String> expects = new LinkedHashMap<>();
            for (int c = 1; c < header.size(); c++) {
                String cell = c < record.size() ? record.get(c).trim() : "";
                String column = header.get(c);
                if (column.startsWith(EXPECT)) {
                    expects.put(column.substring(EXPECT.length()), cell);
                } else if (!cell.isEmpty()) {
                    inputs.put(column, cell);
                }
            }
            String name = record.get(0).trim();
            if (!names.add(name)) {
                throw new IllegalArgumentException(file + " line " + (r + 1) + ": case name '" + name + "' is used twice");
            }
            cases.add(new Case(table, file, r + 1, name, inputs, expects));
        }
        return cases;
    }

    /** RFC 4180: commas, double quotes around cells that contain commas, quotes or line breaks. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
