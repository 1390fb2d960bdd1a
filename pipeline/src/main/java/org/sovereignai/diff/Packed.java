package org.sovereignai.diff;

import java.math.BigDecimal;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/**
 * A record's comparison values packed into one String (fields in contract order, separated by U+001F, blank as empty),
 * so a million old records fit in a fraction of the memory of {@link Project}s. Numbers are packed in their canonical
 * form ({@code 5.0} and {@code 5} are the same number); every other value as the record holds it (trimmed, NFC).
 */
final class Packed {
    static final char SEP = '\u001F';
    private static final char ESC = '\u001E';

    private Packed() {
    }

    static String pack(Project p) {
        Schema schema = p.schema();
        StringBuilder sb = new StringBuilder(256);
        for (FieldSpec f : schema.fields()) {
            if (f.index() > 0) sb.append(SEP);
            String v = p.get(f);
            if (v == null) continue;
            if (f.type().numeric()) v = canonicalNumber(v);
            if (v.indexOf(SEP) >= 0 || v.indexOf(ESC) >= 0) {
                v = v.replace(String.valueOf(ESC), ESC + "0").replace(String.valueOf(SEP), ESC + "1");
            }
            sb.append(v);
        }
        return sb.toString();
    }

    /**
     * Raw cell values (contract order) packed as they are, without cleaning: equal to {@link #pack} of the same record
     * exactly when every value is already canonical, which is what a release file holds. Used as a fast path only.
     */
    static String packRaw(String[] raw) {
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < raw.length; i++) {
            if (i > 0) sb.append(SEP);
            String v = raw[i];
            if (v == null || v.isEmpty()) continue;
            if (v.indexOf(SEP) >= 0 || v.indexOf(ESC) >= 0) {
                v = v.replace(String.valueOf(ESC), ESC + "0").replace(String.valueOf(SEP), ESC + "1");
            }
            sb.append(v);
        }
        return sb.toString();
    }

    /** The packed values per field index (null where blank). */
    static String[] unpack(String packed, int fieldCount) {
        String[] out = new String[fieldCount];
        int start = 0;
        for (int i = 0; i < fieldCount; i++) {
            int end = packed.indexOf(SEP, start);
            if (end < 0) end = packed.length();
            if (end > start) {
                String v = packed.substring(start, end);
                if (v.indexOf(ESC) >= 0) v = v.replace(ESC + "1", String.valueOf(SEP)).replace(ESC + "0", String.valueOf(ESC));
                out[i] = v;
            }
            start = end + 1;
        }
        return out;
    }

    static Project unpack(String packed, Schema schema) {
        return Project.of(schema, unpack(packed, schema.fields().size()));
    }

    /** A number as BigDecimal's plain text without trailing zeros; text that is not a number stays as it is. */
    static String canonicalNumber(String v) {
        try {
            BigDecimal d = new BigDecimal(v).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
