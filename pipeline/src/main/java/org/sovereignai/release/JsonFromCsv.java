package org.sovereignai.release;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Schema;

/**
 * A projects.json object made straight from the record's projects.csv row bytes (which this release wrote, so they are
 * canonical): keys sorted, blanks left out, multi-valued fields as arrays, numbers as numbers. The same bytes Jackson's
 * compact generator writes for the record ({@code JsonFromCsvTest} compares the two on random records), without
 * holding a second encoding of every record or building a string per value.
 */
final class JsonFromCsv {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final int cells;
    private final int[] order;        // field indexes, by field name
    private final byte[][] keys;      // "name": per field index
    private final boolean[] multi;
    private final FieldType[] types;
    private final int[] start;
    private final int[] end;
    private final boolean[] quoted;
    private final int keyBytes;
    private byte[] out = new byte[1024];
    private int size;

    JsonFromCsv(Schema schema) {
        List<FieldSpec> fields = schema.fields();
        cells = fields.size();
        List<FieldSpec> byName = new ArrayList<>(fields);
        byName.sort(Comparator.comparing(FieldSpec::name));
        order = byName.stream().mapToInt(FieldSpec::index).toArray();
        keys = new byte[cells][];
        multi = new boolean[cells];
        types = new FieldType[cells];
        int all = 0;
        for (FieldSpec f : fields) {
            byte[] name = f.name().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] key = new byte[2 + 6 * name.length + 1];
            int n = string(name, 0, name.length, false, key, 0);
            key[n++] = ':';
            keys[f.index()] = Arrays.copyOf(key, n);
            all += n;
            multi[f.index()] = f.multi();
            types[f.index()] = f.type();
        }
        keyBytes = all;
        start = new int[cells];
        end = new int[cells];
        quoted = new boolean[cells];
    }

    /** The object for the row {@code row[from, to)} (its line end excluded); valid until the next call. */
    byte[] object(byte[] row, int from, int to) {
        split(row, from, to);
        // room for the worst case (every byte escaped as six), so nothing below checks
        int need = 2 + keyBytes + 6 * (to - from) + 3 * cells;
        if (need > out.length) out = new byte[Math.max(need, out.length * 2)];
        byte[] o = out;
        int n = 0;
        o[n++] = '{';
        boolean first = true;
        for (int i : order) {
            int s = start[i];
            int e = end[i];
            if (s == e) continue;    // blank: left out
            if (!first) o[n++] = ',';
            first = false;
            byte[] key = keys[i];
            System.arraycopy(key, 0, o, n, key.length);
            n += key.length;
            if (multi[i]) {
                o[n++] = '[';
                int part = s;
                for (int k = s; k <= e; k++) {
                    // canonical values are joined with "; " and never hold a ';' themselves
                    if (k == e || row[k] == ';') {
                        if (part > s) o[n++] = ',';
                        n = string(row, part, k, quoted[i], o, n);
                        part = k + 2;
                        k++;
                    }
                }
                o[n++] = ']';
            } else if (types[i].numeric() && isNumber(row, s, e, types[i] == FieldType.INTEGER)) {
                System.arraycopy(row, s, o, n, e - s);
                n += e - s;
            } else {
                n = string(row, s, e, quoted[i], o, n);
            }
        }
        o[n++] = '}';
        size = n;
        return o;
    }

    int size() {
        return size;
    }

    /** Finds each cell: unquoted, or quoted with doubled quotes inside (content between the outer quotes). */
    private void split(byte[] row, int from, int to) {
        int p = from;
        for (int c = 0; c < cells; c++) {
            if (p < to && row[p] == '"') {
                int s = p + 1;
                int k = s;
                while (true) {
                    if (row[k] == '"') {
                        if (k + 1 < to && row[k + 1] == '"') {
                            k += 2;
                            continue;
                        }
                        break;
                    }
                    k++;
                }
                start[c] = s;
                end[c] = k;
                quoted[c] = true;
                p = k + 2;    // past the closing quote and the comma
            } else {
                int k = p;
                while (k < to && row[k] != ',') k++;
                start[c] = p;
                end[c] = k;
                quoted[c] = false;
                p = k + 1;
            }
        }
    }

    /**
     * A number as Project.typed gives one: canonical text {@code -?digits(.digits)?}; an integer must also fit a long
     * (otherwise it is written as text, as a value that does not parse is).
     */
    private static boolean isNumber(byte[] b, int from, int to, boolean integer) {
        int i = from < to && b[from] == '-' ? from + 1 : from;
        int digits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) return false;
        if (integer) {
            if (i != to) return false;
            if (digits <= 18) return true;
            try {
                Long.parseLong(new String(b, from, to - from, java.nio.charset.StandardCharsets.US_ASCII));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (i == to) return true;
        if (b[i] != '.' || i + 1 == to) return false;
        for (i++; i < to; i++) if (b[i] < '0' || b[i] > '9') return false;
        return true;
    }

    /**
     * Writes the UTF-8 bytes [from, to) as a JSON string into {@code o} at {@code n} (doubled quotes undone when the cell
     * was quoted), escaped as Jackson does; returns the new end.
     */
    private static int string(byte[] b, int from, int to, boolean wasQuoted, byte[] o, int n) {
        o[n++] = '"';
        int run = from;    // bytes from here on are copied as they are, in one go
        for (int k = from; k < to; k++) {
            // eight bytes at a time while none is a control, a quote, a backslash or outside ASCII (SWAR: no loop)
            while (k + 8 <= to && !special(Swar.word(b, k))) k += 8;
            if (k >= to) break;
            byte c = b[k];
            if (c >= 0x20 ? c != '"' && c != '\\' : c < 0 && (c & 0xF8) != 0xF0) continue;
            System.arraycopy(b, run, o, n, k - run);
            n += k - run;
            o[n++] = '\\';
            if (c == '"') {
                if (wasQuoted) k++;    // "" in the cell is one quote
                o[n++] = '"';
            } else if (c == '\\') {
                o[n++] = '\\';
            } else if (c >= 0) {
                switch (c) {
                    case '\n' -> o[n++] = 'n';
                    case '\r' -> o[n++] = 'r';
                    case '\t' -> o[n++] = 't';
                    case '\b' -> o[n++] = 'b';
                    case '\f' -> o[n++] = 'f';
                    default -> n = hex4(c, o, n);
                }
            } else {
                // outside the Basic Multilingual Plane: Jackson writes the UTF-16 surrogate pair as two escapes
                int cp = (c & 0x07) << 18 | (b[k + 1] & 0x3F) << 12 | (b[k + 2] & 0x3F) << 6 | (b[k + 3] & 0x3F);
                n = hex4(Character.highSurrogate(cp), o, n);
                o[n++] = '\\';
                n = hex4(Character.lowSurrogate(cp), o, n);
                k += 3;
            }
            run = k + 1;
        }
        System.arraycopy(b, run, o, n, to - run);
        n += to - run;
        o[n++] = '"';
        return n;
    }

    /** True when one of the eight bytes is below a space, a quote, a backslash or not ASCII. */
    private static boolean special(long w) {
        return ((Swar.byteBelow(w, 0x20) | Swar.byteIs(w, '"') | Swar.byteIs(w, '\\') | w) & Swar.HIGHS) != 0;
    }

    /** {@code uXXXX} (the backslash is already written). */
    private static int hex4(int c, byte[] o, int n) {
        o[n++] = 'u';
        o[n++] = HEX[c >> 12 & 0xF];
        o[n++] = HEX[c >> 8 & 0xF];
        o[n++] = HEX[c >> 4 & 0xF];
        o[n++] = HEX[c & 0xF];
        return n;
    }
}
