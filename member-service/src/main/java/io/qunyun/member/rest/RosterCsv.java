package io.qunyun.member.rest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.qunyun.platform.rest.InvalidParameterException;
import io.qunyun.platform.rest.Problem;
import io.qunyun.platform.rest.ProblemException;
import io.qunyun.platform.rest.ProblemType;

/**
 * A roster file as text and rows: decoded in the charset the request declares (Chinese Excel saves "CSV" as
 * GB18030/GBK; "CSV UTF-8" with a BOM), else as UTF-8; then read row by row, so that one malformed row (an extra
 * value, an unclosed quote) is that row's error and not the whole file's.
 */
final class RosterCsv {

    /** The header and the rows after it; {@code errors} are rows that could not be read as CSV (1 = first row). */
    record Parsed(List<String> header, List<String[]> rows, List<RosterImportResource.RowError> errors) {
    }

    private static final CsvMapper CSV = new CsvMapper();

    private RosterCsv() {
    }

    /** The body as text; 400 malformed-body naming the first line that does not decode in the charset. */
    static String decode(byte[] body, String declaredCharset) {
        Charset charset = charset(declaredCharset);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw undecodable(lineAt(body, in.position()), charset, declaredCharset != null);
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // a BOM (Excel's "CSV UTF-8") is no data
    }

    /**
     * Reads the header and at most {@code maxRows} + 1 rows (the caller refuses more). A row with more values than the
     * header has columns is a row error; an unreadable row ends the file (an unclosed quote runs to its end).
     */
    static Parsed parse(String text, int maxRows) {
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        List<RosterImportResource.RowError> errors = new ArrayList<>();
        int row = 0;
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(text)) {
            while (it.hasNextValue()) {
                String[] values = it.nextValue();
                if (header == null) {
                    header = new ArrayList<>();
                    for (String name : values) {
                        header.add(name.strip());
                    }
                    continue;
                }
                row++;
                if (values.length > header.size()) {
                    errors.add(new RosterImportResource.RowError(row, "row", "有 " + values.length + " 个值，表头只有 "
                            + header.size() + " 列 / has " + values.length + " values; the header has " + header.size()
                            + " columns"));
                    rows.add(null);
                } else {
                    rows.add(values);
                }
                if (rows.size() > maxRows) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (header == null) {
                throw new InvalidParameterException("body", "不是可读的 CSV 文件 / is not a readable CSV file: "
                        + e.getMessage());
            }
            row++;
            errors.add(new RosterImportResource.RowError(row, "row", "无法读取，其后的行也未读取 / cannot be read, nor can "
                    + "the rows after it: " + firstLine(e.getMessage())));
            rows.add(null);
        }
        return new Parsed(header == null ? List.of() : header, rows, errors);
    }

    private static Charset charset(String declared) {
        if (declared == null || declared.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidParameterException("charset", "不支持的字符集 / is not a charset this service reads: "
                    + declared + " (e.g. UTF-8, GB18030, GBK)");
        }
    }

    /** 1 = the header line; lines end with LF (CR LF too), a byte no charset we read uses inside a character. */
    private static int lineAt(byte[] body, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static ProblemException undecodable(int line, Charset charset, boolean declared) {
        String message = declared
                ? "第 " + line + " 行不是 " + charset.name() + " 文本 / line " + line + " is not " + charset.name()
                        + " text (the charset the request declares)"
                : "第 " + line + " 行不是 UTF-8 文本；中文 Excel 保存的 CSV 请声明 Content-Type: text/csv; charset=GB18030 / line "
                        + line + " is not UTF-8 text; a file saved by Chinese Excel needs Content-Type: text/csv; "
                        + "charset=GB18030";
        return new ProblemException(ProblemType.MALFORMED_BODY, "body " + message,
                List.of(new Problem.FieldError("body", message)), Map.of("line", line));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
