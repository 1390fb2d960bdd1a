package org.sovereignai.curation;

import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.Row;

/**
 * One data row of a submission, read but not yet compared with the draft.
 *
 * @param action the row's {@code _action}: blank (add or update), {@code add}, {@code update} or {@code remove}
 * @param reason the row's {@code _reason}, or null
 */
record SubmittedRow(String id, String action, String reason, Row row, Columns columns) {
    static final String ADD = "add";
    static final String UPDATE = "update";
    static final String REMOVE = "remove";
}
