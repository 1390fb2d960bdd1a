package org.sovereignai.record;

import java.util.Arrays;
import java.util.List;

/**
 * One project of the index: a canonical value (see {@link Text}) for each field of the {@link Schema}, null where blank.
 * Multi-valued fields hold the curator's text joined with {@link Text#JOINER}; {@link #list} splits them.
 * Immutable: the array is copied in and never handed out.
 *
 * <p>A project made by {@link #ofJoined} keeps its values as one string and where each ends (a million such projects
 * take a sixth of the memory of a million with a string per value, which is what lets a release's statistics see every
 * record at once); its values are cut out of that string when asked for.
 */
public final class Project {
    private final Schema schema;
    private final String[] values;
    private final String joined;
    private final int[] ends;

    private Project(Schema schema, String[] values) {
        this.schema = schema;
        this.values = values;
        this.joined = null;
        this.ends = null;
    }

    private Project(Schema schema, String joined, int[] ends) {
        this.schema = schema;
        this.values = null;
        this.joined = joined;
        this.ends = ends;
    }

    /** A project from raw cell text per field index; every value is cleaned, multi-valued ones re-joined. */
    public static Project of(Schema schema, String[] raw) {
        if (raw.length != schema.fields().size()) {
            throw new IllegalArgumentException("expected " + schema.fields().size() + " values, got " + raw.length);
        }
        String[] values = new String[raw.length];
        for (FieldSpec f : schema.fields()) {
            String v = raw[f.index()];
            values[f.index()] = f.multi() ? Text.canonicalMulti(v) : Text.clean(v);
        }
        return new Project(schema, values);
    }

    /**
     * A project from values that are already canonical (as {@link #values()} gave them, e.g. a record this program packed
     * after building it with {@link #of}): taken as they are, without cleaning them again. The array is taken over;
     * the caller must not change it afterwards.
     */
    public static Project ofCanonical(Schema schema, String[] values) {
        if (values.length != schema.fields().size()) {
            throw new IllegalArgumentException("expected " + schema.fields().size() + " values, got " + values.length);
        }
        return new Project(schema, values);
    }

    /**
     * A project from canonical values joined by {@code separator}, one per field in contract order, blank as empty (a
     * packed record, e.g. {@code diff.Packed}): kept as that one string. No value may contain the separator.
     */
    public static Project ofJoined(Schema schema, String joined, char separator) {
        int n = schema.fields().size();
        int[] ends = new int[n];
        int count = 0;
        for (int at = joined.indexOf(separator); at >= 0; at = joined.indexOf(separator, at + 1)) {
            if (count == n - 1) throw new IllegalArgumentException("more than " + n + " values");
            ends[count++] = at;
        }
        if (count != n - 1) throw new IllegalArgumentException("expected " + n + " values, got " + (count + 1));
        ends[n - 1] = joined.length();
        return new Project(schema, joined, ends);
    }

    /** Separates the values of a {@link #compact} project: a control character, which no published value holds. */
    private static final char COMPACT_SEPARATOR = '\u001f';

    /**
     * The same project kept as one string ({@link #ofJoined}), for what holds many projects for long (a quarter's
     * base release, read once per process: a million records with a string per value ran a 1 GB heap out of memory);
     * itself when it is one string already or a value holds the separator.
     */
    public Project compact() {
        if (values == null) return this;
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v != null && v.indexOf(COMPACT_SEPARATOR) >= 0) return this;
            if (i > 0) sb.append(COMPACT_SEPARATOR);
            if (v != null) sb.append(v);
        }
        return ofJoined(schema, sb.toString(), COMPACT_SEPARATOR);
    }

    /** The value of field index i. */
    private String value(int i) {
        if (values != null) return values[i];
        int start = i == 0 ? 0 : ends[i - 1] + 1;
        return start == ends[i] ? null : joined.substring(start, ends[i]);
    }

    /** A builder-style copy with one field replaced (cleaned like {@link #of}). */
    public Project with(String field, String value) {
        String[] copy = values();
        FieldSpec f = schema.require(field);
        copy[f.index()] = f.multi() ? Text.canonicalMulti(value) : Text.clean(value);
        return new Project(schema, copy);
    }

    public Schema schema() {
        return schema;
    }

    public String get(FieldSpec field) {
        return value(field.index());
    }

    public String get(String field) {
        return value(schema.require(field).index());
    }

    /** The values of a multi-valued field (a single-valued one gives zero or one value). */
    public List<String> list(FieldSpec field) {
        String v = value(field.index());
        return field.multi() ? Text.splitCanonical(v) : (v == null ? List.of() : List.of(v));
    }

    public List<String> list(String field) {
        return list(schema.require(field));
    }

    /**
     * The value typed for publishing: a list for multi-valued fields, a {@link java.math.BigDecimal} for numbers,
     * a {@link Long} for integers, a string otherwise; null when blank. A number that does not parse stays text
     * (the validator reports it; a valid record never has one).
     */
    public Object typed(FieldSpec field) {
        String v = value(field.index());
        if (v == null) return null;
        if (field.multi()) return Text.splitCanonical(v);
        return CanonicalNumber.typed(field.type(), v);
    }

    public String id() {
        return value(0);
    }

    public String name() {
        return get(Schema.NAME);
    }

    /** The layer, or null when the cell is blank or not a layer. */
    public Layer layer() {
        int i = schema.layerIndex();
        return i < 0 ? null : Layer.of(value(i));
    }

    /** All values in contract order (a copy). */
    public String[] values() {
        if (values != null) return values.clone();
        String[] out = new String[ends.length];
        for (int i = 0; i < out.length; i++) out[i] = value(i);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Project p)) return false;
        return values != null && p.values != null ? Arrays.equals(values, p.values) : Arrays.equals(values(), p.values());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values != null ? values : values());
    }

    @Override
    public String toString() {
        return "Project[" + id() + "]";
    }
}
