package cn.landmarket.oversight;

import java.util.List;
import java.util.function.Function;

import cn.landmarket.common.Money;

/**
 * CSV exports (RFC 4180): a header row, then one row per item; fields separated by commas, lines
 * ended by CRLF, a field quoted when it holds a comma, a quote, CR or LF, and quotes inside doubled.
 * Text that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) gets
 * a leading apostrophe; numbers are written as they are.
 */
public final class Csv {

    /** The media type of the exports; the body is UTF-8. */
    public static final String MEDIA_TYPE = "text/csv";

    /** The Content-Type header of an export. */
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private static final String CRLF = "\r\n";

    private Csv() {
    }

    /** One column: its header and how to read its cell from an item. */
    public record Column<T>(String header, Function<T, ?> value) {
    }

    /** A column of an item type. */
    public static <T> Column<T> column(String header, Function<T, ?> value) {
        return new Column<>(header, value);
    }

    /** The whole document: the header row and a row for each item. */
    public static <T> String write(List<Column<T>> columns, List<T> rows) {
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(c -> (Object) c.header()).toList());
        for (T row : rows) {
            line(out, columns.stream().map(c -> (Object) c.value().apply(row)).toList());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append(CRLF);
    }

    /**
     * One field: empty for null; numbers and booleans as they are; money as yuan with two places;
     * anything else as text, defended against formula injection and quoted where RFC 4180 needs it.
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Money money) {
            return money.toYuan();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return quote(defend(value.toString()));
    }

    /** Prefixes an apostrophe to text a spreadsheet would take for a formula. */
    static String defend(String text) {
        if (!text.isEmpty()) {
            char first = text.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return "'" + text;
            }
        }
        return text;
    }

    /** Quotes a field that holds a comma, a quote, CR or LF, doubling the quotes inside. */
    static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
