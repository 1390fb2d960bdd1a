package org.sovereignai.curation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.check.Validator;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Text;
import org.sovereignai.sheet.CellRef;
import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.Position;
import org.sovereignai.sheet.Row;
import org.sovereignai.sheet.Sheet;
import org.sovereignai.sheet.SheetException;

/**
 * Turns a curator's sheet into proposed field-level changes against the draft, and validates the outcome.
 *
 * <p>Rules (also in docs/curation.md and the template's Fields sheet): a row's id names the record; a blank cell means
 * "no change"; the text {@code <clear>} clears a field; a column that is absent changes nothing; an id the draft does
 * not have adds a record; ids the sheet does not mention are left alone (a missing row is never a removal); a removal
 * is {@code _action = remove} with a {@code _reason}.
 *
 * <p>Validation runs the project's {@link Validator} over the draft as it would be with the submission applied, and
 * maps each finding back to the curator's own file, row and cell; findings about records the sheet did not touch are
 * not the curator's and are left out.
 */
final class Proposals {
    static final String CLEAR = "<clear>";
    static final String ACTION = "_action";
    static final String REASON = "_reason";

    private final Schema schema;

    Proposals(Schema schema) {
        this.schema = schema;
    }

    Proposal propose(Path file, String displayName, Draft draft, String quarter) throws IOException {
        Report report = new Report();
        List<SubmittedRow> rows = new ArrayList<>();
        String sheetName = null;
        try (Sheet sheet = Sheet.open(file, null)) {
            sheetName = sheet.sheetName();
            Position where = new Position(displayName, sheetName, null, null, null);
            read(sheet, where, rows, report);
        } catch (SheetException e) {
            if (e.isIo()) report.markIoFailure();
            Position p = e.position() == null ? Position.ofFile(displayName) : rename(e.position(), displayName, sheetName);
            report.add(Finding.error(e.code(), p, null, null, e.getMessage().replace(file.getFileName().toString(), displayName)));
        }
        if (report.ioFailure()) return new Proposal(report, List.of(), sheetName, null);

        Map<String, Project> merged = new LinkedHashMap<>(draft.records());
        List<ProposedChange> changes = new ArrayList<>();
        Map<String, SubmittedRow> touched = new HashMap<>();
        for (SubmittedRow r : rows) propose(r, displayName, sheetName, quarter, merged, changes, touched, report);
        // Always check the merged draft too, so a curator sees every problem of the sheet in one report,
        // not one batch per attempt; a sheet that could not be read at all (no rows) has nothing to merge.
        if (!rows.isEmpty()) validateMerged(merged, touched, displayName, sheetName, report);

        // sources as the record stands with the submission applied: the evidence a reviewer checks
        List<ProposedChange> withSources = new ArrayList<>(changes.size());
        for (ProposedChange ch : changes) {
            Project p = merged.get(ch.recordId());
            Project before = draft.record(ch.recordId());
            String sources = p != null ? p.get(Schema.SOURCES) : before == null ? null : before.get(Schema.SOURCES);
            withSources.add(ch.withSources(sources));
        }
        Set<String> ids = new HashSet<>();
        for (SubmittedRow r : rows) ids.add(r.id());
        String kind = ids.containsAll(draft.records().keySet()) ? "full" : "partial";
        return new Proposal(report, withSources, sheetName, kind);
    }

    private void read(Sheet sheet, Position where, List<SubmittedRow> rows, Report report) throws SheetException {
        if (sheet.header().isEmpty()) {
            report.add(Finding.error("empty-file", where, null, null,
                    "the file is empty: it needs a header row naming the fields, then one row per project"));
            return;
        }
        Columns columns = Columns.of(schema, sheet.header());
        for (int col : columns.unknownColumns()) {
            String name = columns.header().get(col);
            report.add(Finding.error("unknown-column", where.atCell(1, col, name), null, name,
                    "unknown column '" + name + "'; the columns are the field names of the template (see its Fields sheet)"));
        }
        for (int col : columns.duplicateColumns()) {
            String name = columns.header().get(col);
            report.add(Finding.error("duplicate-column", where.atCell(1, col, name), null, name,
                    "the column '" + name + "' appears twice; keep one"));
        }
        FieldSpec idField = schema.require(Schema.ID);
        int idCol = columns.columnOf(idField);
        if (idCol < 0) {
            report.add(Finding.error("missing-column", where.atRow(1), null, null,
                    "the column 'id' is missing: every row needs the id of the record it changes or adds"));
            return;
        }
        int actionCol = columns.controlColumn(ACTION);
        int reasonCol = columns.controlColumn(REASON);
        Map<String, Integer> seen = new HashMap<>();
        for (Row row = sheet.next(); row != null; row = sheet.next()) {
            report.countRecord();
            for (Sheet.ReaderNote n : sheet.drainNotes()) {
                report.add(Finding.warning(n.code(), rename(n.position(), where.file(), where.sheet()), null, n.value(), n.message()));
            }
            String id = Text.clean(row.cell(idCol));
            String action = actionCol < 0 ? null : Text.clean(row.cell(actionCol));
            if (action != null) action = action.toLowerCase(Locale.ROOT);
            String reason = reasonCol < 0 ? null : Text.clean(row.cell(reasonCol));
            if (id == null) {
                report.add(Finding.error("missing-id", where.atCell(row.number(), idCol, columns.header().get(idCol)), null, null,
                        "the row has no id: give the id of the record it changes, or a new id for a new record"));
                continue;
            }
            if (action != null && !action.equals(SubmittedRow.ADD) && !action.equals(SubmittedRow.UPDATE)
                    && !action.equals(SubmittedRow.REMOVE)) {
                report.add(Finding.error("unknown-action", where.atCell(row.number(), actionCol, ACTION), id, action,
                        "_action must be blank, add, update or remove"));
                continue;
            }
            Integer first = seen.putIfAbsent(id, row.number());
            if (first != null) {
                report.add(Finding.error("duplicate-id", where.atCell(row.number(), idCol, columns.header().get(idCol)), id, id,
                        "id '" + id + "' is already used in row " + first + "; put all changes to a record in one row"));
                continue;
            }
            rows.add(new SubmittedRow(id, action, reason, row, columns));
        }
        if (report.records() == 0) {
            report.add(Finding.error("no-records", where, null, null, "the sheet has a header but no rows"));
        }
    }

    private void propose(SubmittedRow r, String file, String sheet, String quarter, Map<String, Project> merged,
                         List<ProposedChange> changes, Map<String, SubmittedRow> touched, Report report) {
        Columns columns = r.columns();
        int rowNum = r.row().number();
        Position where = new Position(file, sheet, rowNum, null, null);
        FieldSpec idField = schema.require(Schema.ID);
        int idCol = columns.columnOf(idField);
        String idCell = CellRef.of(idCol, rowNum);
        Project current = merged.get(r.id());
        if (SubmittedRow.REMOVE.equals(r.action())) {
            int actionCol = columns.controlColumn(ACTION);
            if (current == null) {
                report.add(Finding.error("remove-unknown-id", where.atCell(rowNum, idCol, Schema.ID), r.id(), r.id(),
                        "cannot remove '" + r.id() + "': the draft has no record with that id"));
            } else if (r.reason() == null) {
                int reasonCol = columns.controlColumn(REASON);
                Position at = reasonCol < 0 ? where.atCell(rowNum, actionCol, ACTION) : where.atCell(rowNum, reasonCol, REASON);
                report.add(Finding.error("remove-without-reason", at, r.id(), null,
                        "a removal needs a reason in the _reason column (why the record leaves the index)"));
            } else {
                changes.add(change(quarter, r.id(), ChangeKind.REMOVE, null, null, null, r.reason(), sheet, rowNum,
                        CellRef.of(actionCol, rowNum)));
                merged.remove(r.id());
            }
            return;
        }
        if (SubmittedRow.ADD.equals(r.action()) && current != null) {
            report.add(Finding.error("add-existing-id", where.atCell(rowNum, idCol, Schema.ID), r.id(), r.id(),
                    "_action is add but the draft already has '" + r.id() + "'; leave _action blank to change it"));
            return;
        }
        if (SubmittedRow.UPDATE.equals(r.action()) && current == null) {
            report.add(Finding.error("update-unknown-id", where.atCell(rowNum, idCol, Schema.ID), r.id(), r.id(),
                    "_action is update but the draft has no record '" + r.id() + "'; check the id or leave _action blank to add it"));
            return;
        }
        touched.put(r.id(), r);
        if (current == null) {
            String[] raw = columns.rawValues(r.row());
            for (int i = 0; i < raw.length; i++) if (isClear(raw[i])) raw[i] = null;
            Project added = Project.of(schema, raw);
            merged.put(r.id(), added);
            changes.add(change(quarter, r.id(), ChangeKind.ADD, null, null, RecordJson.write(added), r.reason(), sheet,
                    rowNum, idCell));
            return;
        }
        Project next = current;
        for (FieldSpec f : schema.fields()) {
            int col = columns.columnOf(f);
            if (col < 0 || f == idField) continue;
            String cell = r.row().cell(col);
            if (cell == null || cell.isBlank()) continue;
            String value = isClear(cell) ? null : canonical(f, cell);
            if (same(f, current.get(f), value)) continue;
            next = next.with(f.name(), value);
            changes.add(change(quarter, r.id(), ChangeKind.SET, f.name(), current.get(f), value, r.reason(), sheet, rowNum,
                    CellRef.of(col, rowNum)));
        }
        merged.put(r.id(), next);
    }

    private static ProposedChange change(String quarter, String id, ChangeKind kind, String field, String oldValue,
                                         String newValue, String reason, String sheet, int row, String cell) {
        return new ProposedChange(0, 0, quarter, id, kind, field, oldValue, newValue, reason, sheet, row, cell, null,
                ChangeState.PENDING, null, null, null, null);
    }

    static boolean isClear(String cell) {
        return cell != null && cell.strip().equalsIgnoreCase(CLEAR);
    }

    static String canonical(FieldSpec f, String cell) {
        return f.multi() ? Text.join(Text.split(cell)) : Text.clean(cell);
    }

    /** Equal for the record: multi-valued cells as sets of values, numbers by value ("5" = "5.0"). */
    static boolean same(FieldSpec f, String a, String b) {
        if (Objects.equals(a, b)) return true;
        if (a == null || b == null) return false;
        if (f.multi()) return new HashSet<>(Text.split(a)).equals(new HashSet<>(Text.split(b)))
                && Text.split(a).size() == Text.split(b).size();
        if (f.type().numeric()) {
            try {
                return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * Runs the Validator over the merged draft, judging this sheet's records one by one and every record against
     * each other (ids, aliases, references), and keeps the findings about rows of this sheet, in its coordinates.
     */
    private void validateMerged(Map<String, Project> merged, Map<String, SubmittedRow> touched, String file, String sheet,
                                Report report) {
        Map<Integer, SubmittedRow> byDraftRow = new HashMap<>();
        int row = 1;
        for (Project p : merged.values()) {
            row++;
            SubmittedRow r = touched.get(p.id());
            if (r != null) byDraftRow.put(row, r);
        }
        Report merged_ = new Validator(schema).validateRecords(file, merged.values(), byDraftRow::containsKey);
        for (Finding f : merged_.findings()) {
            Position p = f.position();
            if (p == null || p.row() == null) {
                report.add(new Finding(f.code(), f.severity(), rename(p, file, sheet), f.recordId(), f.value(), f.message()));
                continue;
            }
            SubmittedRow r = byDraftRow.get(p.row());
            if (r == null) continue; // not this curator's row
            int rowNum = r.row().number();
            Position at = new Position(file, sheet, rowNum, p.column(), null);
            FieldSpec field = p.column() == null ? null : schema.field(p.column());
            if (field != null) {
                int col = r.columns().columnOf(field);
                if (col >= 0) at = new Position(file, sheet, rowNum, r.columns().header().get(col), CellRef.of(col, rowNum));
            }
            report.add(new Finding(f.code(), f.severity(), at, f.recordId(), f.value(), f.message()));
        }
    }

    private static Position rename(Position p, String file, String sheet) {
        if (p == null) return new Position(file, sheet, null, null, null);
        return new Position(file, sheet != null ? sheet : p.sheet(), p.row(), p.column(), p.cell());
    }
}
