package org.sovereignai.curation;

import java.time.OffsetDateTime;

import org.sovereignai.io.ValueDiff;

/**
 * One field-level change a submission proposes against the draft, with where it came from and how it was decided.
 *
 * @param field    the field set; null for {@link ChangeKind#ADD} and {@link ChangeKind#REMOVE}
 * @param oldValue the draft's value when proposed (null when blank)
 * @param newValue the proposed value (null clears the field); for ADD the new record as a JSON object
 * @param reason   the curator's reason (required for REMOVE)
 * @param cell     A1 reference of the cell that carries the change in the curator's sheet
 * @param sources  the record's sources as submitted, joined with "; "
 */
public record ProposedChange(long id, long submissionId, String quarter, String recordId, ChangeKind kind, String field,
                             String oldValue, String newValue, String reason, String sheet, int row, String cell,
                             String sources, ChangeState state, String curator, String decidedBy,
                             OffsetDateTime decidedAt, String decisionReason) {

    /** The same change with the record's sources attached. */
    ProposedChange withSources(String recordSources) {
        return new ProposedChange(id, submissionId, quarter, recordId, kind, field, oldValue, newValue, reason, sheet, row,
                cell, recordSources, state, curator, decidedBy, decidedAt, decisionReason);
    }

    /** The same change as recorded: its id, its submission and the submission's curator. */
    ProposedChange recorded(long changeId, long submission, String by) {
        return new ProposedChange(changeId, submission, quarter, recordId, kind, field, oldValue, newValue, reason, sheet,
                row, cell, sources, state, by, decidedBy, decidedAt, decisionReason);
    }

    /** The same change as a decision leaves it. */
    ProposedChange decided(ChangeState decision, String by, OffsetDateTime at, String why) {
        return new ProposedChange(id, submissionId, quarter, recordId, kind, field, oldValue, newValue, reason, sheet,
                row, cell, sources, decision, curator, by, at, why);
    }

    /** The short id shown to reviewers, e.g. {@code C12}. */
    public String label() {
        return label(id);
    }

    public static String label(long id) {
        return "C" + id;
    }

    public String submissionLabel() {
        return Submission.label(submissionId);
    }

    public boolean pending() {
        return state == ChangeState.PENDING;
    }

    /**
     * "set funding_usd of sea-lion: '1' -> '2'" for people; long values are cut to the part that changed
     * ({@link ValueDiff}).
     */
    public String describe() {
        return switch (kind) {
            case ADD -> "add " + recordId;
            case REMOVE -> "remove " + recordId + (reason == null ? "" : " (reason: " + reason + ")");
            case SET -> "set " + field + " of " + recordId + ": " + difference().describe();
        };
    }

    public static String show(String v) {
        if (v == null) return "(blank)";
        return v.length() > 80 ? "'" + v.substring(0, 77) + "...'" : "'" + v + "'";
    }

    /** Where a {@link ChangeKind#SET} changes the value, both sides cut to the changed part when long. */
    public ValueDiff difference() {
        return ValueDiff.of(oldValue, newValue);
    }
}
