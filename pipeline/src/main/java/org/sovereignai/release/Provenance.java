package org.sovereignai.release;

import java.util.Map;
import java.util.TreeMap;

/**
 * Who proposed and who approved one change, supplied by the curation workflow (optional; any part may be null).
 * Keyed by {@link Key}: a record id and a field, or a record id with a null field for a whole-record change
 * (added or removed).
 *
 * @param cell the cell of the submitted sheet, e.g. {@code projects.xlsx!F42}
 */
public record Provenance(String curator, String submission, String cell, String reviewer) {

    public record Key(String id, String field) {
        public static Key record(String id) {
            return new Key(id, null);
        }
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new TreeMap<>();
        if (curator != null) m.put("curator", curator);
        if (submission != null) m.put("submission", submission);
        if (cell != null) m.put("cell", cell);
        if (reviewer != null) m.put("reviewer", reviewer);
        return m;
    }

    /** "proposed by A (submission S, cell C), reviewed by B" for CHANGES.md. */
    String credit() {
        StringBuilder sb = new StringBuilder();
        if (curator != null) sb.append("proposed by ").append(curator);
        String where = submission == null ? cell : cell == null ? "submission " + submission : "submission " + submission + ", " + cell;
        if (where != null) sb.append(sb.isEmpty() ? "from " : " ").append('(').append(where).append(')');
        if (reviewer != null) sb.append(sb.isEmpty() ? "" : ", ").append("reviewed by ").append(reviewer);
        return sb.toString();
    }
}
