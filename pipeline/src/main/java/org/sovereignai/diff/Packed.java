package org.sovereignai.diff;

import org.sovereignai.record.CanonicalNumber;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Text;

/**
 * A record's values packed into one String (fields in contract order, separated by U+001F, blank as empty), so a million
 * records fit in a fraction of the memory of {@link Project}s: the old side of a diff, and the records of a release
 * being published. Numbers are packed in their canonical form ({@link CanonicalNumber}: {@code 5.0} and {@code 5} are
 * the same number); every other value as the record holds it (trimmed, NFC).
 *
 * <p>The id comes first, and a valid id uses only {@code [a-z0-9-]}, all above U+001F: packed records of valid ids sort
 * as their ids do.
 */
public final class Packed {
    static final char SEP = '\u001F';
    private static final char ESC = '\u001E';

    private Packed() {
    }

    public static String pack(Project p) {
        Schema schema = p.schema();
        StringBuilder sb = new StringBuilder(256);
        for (FieldSpec f : schema.fields()) {
            if (f.index() > 0) sb.append(SEP);
            String v = p.get(f);
            if (v == null) continue;
            if (f.type().numeric()) v = CanonicalNumber.text(f.type(), v);
            sb.append(escape(v));
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
            if (v != null && !v.isEmpty()) sb.append(escape(v));
        }
        return sb.toString();
    }

    /**
     * Whether two rows of raw cell values (contract order) pack equally by {@link #packRaw}, without packing them: the
     * same cells, blank and absent alike.
     */
    static boolean sameRaw(String[] a, String[] b) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            String x = a[i] == null ? "" : a[i];
            String y = b[i] == null ? "" : b[i];
            if (!x.equals(y)) return false;
        }
        return true;
    }

    /** The id of the record with this raw id cell, as {@link #id} gives it from the record packed by {@link #pack}. */
    static String idOfRaw(String rawId) {
        String id = Text.clean(rawId);
        return id == null ? "" : escape(id);
    }

    private static String escape(String v) {
        if (v.indexOf(SEP) < 0 && v.indexOf(ESC) < 0) return v;
        return v.replace(String.valueOf(ESC), ESC + "0").replace(String.valueOf(SEP), ESC + "1");
    }

    /** The id of a packed record (its first value). */
    public static String id(String packed) {
        int end = packed.indexOf(SEP);
        return end < 0 ? packed : packed.substring(0, end);
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

    /** The record, its values cleaned (they may have been packed raw). */
    static Project unpack(String packed, Schema schema) {
        return Project.of(schema, unpack(packed, schema.fields().size()));
    }

    /**
     * A record packed by {@link #pack}: its values are canonical already and are not cleaned again; the project keeps the
     * packed string itself (no copy) unless a value needed escaping.
     */
    public static Project project(String packed, Schema schema) {
        if (packed.indexOf(ESC) < 0) return Project.ofJoined(schema, packed, SEP);
        return Project.ofCanonical(schema, unpack(packed, schema.fields().size()));
    }
}
