package org.sovereignai.release;

import java.util.Map;
import java.util.TreeMap;

/**
 * Who proposed and who approved one change: the one provenance record, made by the curation workflow (its draft) and
 * published by the release step ({@code changes.json}, CHANGES.md credits). Any part may be null. Keyed by
 * {@link Key}: a record id and a field, or a record id with a null field for a whole-record change (added or removed).
 *
 * @param submission the submission label, e.g. {@code S3}
 * @param sheet      the sheet of the submitted workbook the change came from, or null (a CSV, or not known)
 * @param cell       the cell, e.g. {@code F42}; published as {@code sheet!cell} when the sheet is known
 * @param change     the proposed change's label, e.g. {@code C12} (the workflow's own reference; not published)
 */
public record Provenance(String curator, String submission, String sheet, String cell, String reviewer, String change) {

    /** Provenance without a sheet or change label (the cell may already name its sheet: {@code q2.xlsx!H2}). */
    public Provenance(String curator, String submission, String cell, String reviewer) {
        this(curator, submission, null, cell, reviewer, null);
    }

    public record Key(String id, String field) {
        public static Key record(String id) {
            return new Key(id, null);
        }
    }

    /** The cell as published: {@code sheet!cell} when both are known. */
    String publishedCell() {
        return sheet == null || cell == null ? cell : sheet + "!" + cell;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new TreeMap<>();
        String where = publishedCell();
        if (curator != null) m.put("curator", curator);
        if (submission != null) m.put("submission", submission);
        if (where != null) m.put("cell", where);
        if (reviewer != null) m.put("reviewer", reviewer);
        return m;
    }

    /** "proposed by A (submission S, cell C), reviewed by B" for CHANGES.md and the pages. */
    public String credit() {
        StringBuilder sb = new StringBuilder();
        String cell = publishedCell();
        if (curator != null) sb.append("proposed by ").append(curator);
        String where = submission == null ? cell : cell == null ? "submission " + submission : "submission " + submission + ", " + cell;
        if (where != null) sb.append(sb.isEmpty() ? "from " : " ").append('(').append(where).append(')');
        if (reviewer != null) sb.append(sb.isEmpty() ? "" : ", ").append("reviewed by ").append(reviewer);
        return sb.toString();
    }
}
