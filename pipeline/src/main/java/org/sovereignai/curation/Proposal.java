package org.sovereignai.curation;

import java.util.List;

import org.sovereignai.check.Report;

/**
 * What a submission proposes against the draft, before it is recorded: the validation report and the changes
 * (ids not yet assigned). Changes are only recorded when the report is valid.
 *
 * @param sheetKind {@code full} when every draft record appears in the sheet, else {@code partial}
 */
record Proposal(Report report, List<ProposedChange> changes, String sheet, String sheetKind) {
}
