package io.qunyun.platform.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Binds a list of rows as one array per column, for {@code INSERT … SELECT … FROM unnest(?, ?, …)}: one
 * statement, executed once, for the whole list. A JDBC batch of single-row INSERTs costs PostgreSQL a bind and
 * an executor start per row (docs/performance-log.md, "A slower machine, lock waits and one
 * statement per list"). Values that have no JDBC array type of
 * their own here (timestamps, dates, numbers, nested arrays) go as text and are cast in the SQL
 * ({@code ?::timestamptz[]}); unnest returns the rows in list order, so identity ids and lock order follow it.
 *
 * @param <T> the row
 */
public final class ArrayColumns<T> {

    private final Connection connection;
    private final List<T> rows;
    private final PreparedStatement statement;
    private int index;

    public ArrayColumns(Connection connection, PreparedStatement statement, List<T> rows) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
    }

    /** The next parameter: a {@code type[]} of one value per row (null allowed). */
    public ArrayColumns<T> add(String type, Function<T, ?> value) throws SQLException {
        Object[] column = new Object[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        Array array = connection.createArrayOf(type, column);
        statement.setArray(++index, array);
        return this;
    }

    /** The next parameter as {@code text[]} of each value's {@code toString()} (cast in the SQL). */
    public ArrayColumns<T> addText(Function<T, ?> value) throws SQLException {
        return add("text", row -> {
            Object v = value.apply(row);
            return v == null ? null : v.toString();
        });
    }

    /** A PostgreSQL array literal of texts ({@code {"a","b"}}), to travel as one text element and be cast back. */
    public static String literal(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i);
            if (v == null) {
                out.append("NULL");
                continue;
            }
            out.append('"');
            for (int c = 0; c < v.length(); c++) {
                char ch = v.charAt(c);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }
}
