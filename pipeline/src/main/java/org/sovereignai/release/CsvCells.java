package org.sovereignai.release;

/**
 * CSV cells exactly as commons-csv's {@code CSVPrinter} writes them with {@link ReleaseWriter#CSV} (RFC 4180, minimal
 * quoting, {@code \n} after each record), without its per-character virtual calls: encoding the release files cell by
 * cell was most of the cost of publishing. A cell is quoted when it is empty and first in its record, starts with a
 * character up to {@code #}, holds a quote, comma, line feed or carriage return, or ends with a character up to a space;
 * quotes inside are doubled. {@code CsvCellsTest} checks this against CSVPrinter itself.
 */
final class CsvCells {
    private CsvCells() {
    }

    /** Appends one cell (after a comma unless it is the record's first). */
    static void cell(StringBuilder sb, String v, boolean first) {
        if (!first) sb.append(',');
        int len = v.length();
        if (len == 0) {
            if (first) sb.append("\"\"");
            return;
        }
        boolean quote = v.charAt(0) <= '#';
        for (int i = 0; i < len && !quote; i++) {
            char c = v.charAt(i);
            quote = c == '"' || c == ',' || c == '\n' || c == '\r';
        }
        if (!quote) quote = v.charAt(len - 1) <= ' ';
        if (!quote) {
            sb.append(v);
            return;
        }
        sb.append('"');
        int start = 0;
        for (int i = 0; i < len; i++) {
            if (v.charAt(i) == '"') {
                sb.append(v, start, i + 1).append('"');
                start = i + 1;
            }
        }
        sb.append(v, start, len).append('"');
    }

    /** A whole record, line end included. */
    static void record(StringBuilder sb, Iterable<String> cells) {
        boolean first = true;
        for (String c : cells) {
            cell(sb, c, first);
            first = false;
        }
        sb.append('\n');
    }
}
