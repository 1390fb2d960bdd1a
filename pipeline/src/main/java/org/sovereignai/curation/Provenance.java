package org.sovereignai.curation;

/**
 * Who made a published change: the curator who proposed it, the submission and cell it came from, the reviewer who
 * approved it. Published per change in a release's {@code changes.json}.
 *
 * @param submission the submission label, e.g. {@code S3}
 * @param cell       A1 reference in the curator's sheet, e.g. {@code I5}
 */
public record Provenance(String curator, String submission, String sheet, String cell, String reviewer, String change) {

    /**
     * The change a provenance belongs to: a record and one field, or the whole record (field null) for an addition or a
     * removal.
     */
    public record Key(String recordId, String field) {
    }
}
