package org.sovereignai.check;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.Position;
import org.sovereignai.sheet.ReadAheadSheet;
import org.sovereignai.sheet.RecordRow;
import org.sovereignai.sheet.Row;
import org.sovereignai.sheet.Sheet;
import org.sovereignai.sheet.SheetException;
import org.sovereignai.sheet.Sheets;

/**
 * Validates a curator sheet while streaming it: every check of {@link Checks#standard} is told the header, then sees
 * each row (shape, fields, fields against each other), then reports what needed the whole set (ids, aliases,
 * base-model references). Only compact per-id state is kept, never the rows. The file is only read, never written. A
 * validator may be reused, one sheet at a time per thread (each call builds its own checks).
 */
public final class Validator {
    private final Schema schema;
    private final Sheets.Limits limits;
    private final FieldSpec layerField;

    public Validator(Schema schema) {
        this(schema, Sheets.Limits.DEFAULT);
    }

    public Validator(Schema schema, Sheets.Limits limits) {
        this.schema = schema;
        this.limits = limits;
        this.layerField = schema.require(Schema.LAYER);
    }

    /** Validates one sheet, naming it by its file name. */
    public Report validate(Path file, String sheetName, Consumer<RecordRow> sink) {
        return validate(file, null, sheetName, sink);
    }

    /**
     * Validates one sheet. Every row that could be read is handed to {@code sink} (valid or not: the report says which).
     *
     * @param displayName how findings name the file (e.g. the path as the user typed it); null for the file name
     * @param sheetName   XLSX sheet to read; null for the first (must be null for CSV)
     */
    public Report validate(Path file, String displayName, String sheetName, Consumer<RecordRow> sink) {
        Report report = new Report();
        Consumer<Finding> out = report::add;
        try (Sheet sheet = ReadAheadSheet.of(Sheets.open(file, displayName, sheetName, limits))) {
            Position where = sheet.position();
            report.addLines(where.file(), sheet.lines());
            if (sheet.readingNote() != null) report.addNote(where, sheet.readingNote());
            if (sheet.header().isEmpty()) {
                out.accept(Code.EMPTY_FILE.at(where, null, null,
                        "the file is empty: it needs a header row naming the fields (id, name, layer, ...), then one row per project."));
                return report;
            }
            Columns columns = Columns.of(schema, sheet.header());
            Check[] checks = Checks.standard(schema, limits.maxCellChars()).toArray(new Check[0]);
            Header header = new Header(columns, where, sheet.headerRow(), sheet.sheetName() == null);
            for (Check c : checks) c.start(header, out);
            try {
                for (Row row = sheet.next(); row != null; row = sheet.next()) {
                    report.countRecord();
                    Project p = columns.project(row);
                    for (Sheet.ReaderNote note : sheet.drainNotes()) out.accept(fromNote(note, p.id()));
                    RecordRow rr = new RecordRow(p, row, columns, where);
                    Layer layer = Layer.of(p.get(layerField));
                    for (Check c : checks) c.row(rr, layer, out);
                    sink.accept(rr);
                }
            } catch (SheetException e) {
                // Reading stopped part-way (bad encoding, broken quoting): rows so far were checked; the rules that
                // need the whole set are skipped, since they would judge an incomplete sheet.
                fail(report, e);
                return report;
            }
            for (Check c : checks) c.end(header, out);
        } catch (SheetException e) {
            fail(report, e);
        }
        return report;
    }

    private static final String[] NO_CELLS = new String[0];

    /**
     * Validates records held in memory as if they were a CSV sheet of the contract's fields in contract order, with
     * the header in row 1 and the records from row 2; but only the rows {@code judged} accepts are judged one by one
     * (fields, the shape of the row, fields against each other), while the checks across records see every row. A
     * submission judges its own rows against the whole draft this way: the draft's other records are not its
     * curator's to fix, and at a million records writing them out and judging each again was most of the work.
     * Findings about a judged row equal those {@link #validate} gives for the same records written to a CSV file,
     * given records as {@link Project} holds them (canonical): a record not judged is taken as it is.
     */
    public Report validateRecords(String displayName, Iterable<Project> records, java.util.function.IntPredicate judged) {
        Report report = new Report();
        Consumer<Finding> out = report::add;
        Position where = Position.ofFile(displayName);
        java.util.List<String> names = new java.util.ArrayList<>();
        for (FieldSpec f : schema.fields()) names.add(f.name());
        Columns columns = Columns.of(schema, names);
        java.util.List<Check> all = Checks.standard(schema, limits.maxCellChars());
        Check[] every = all.toArray(new Check[0]);
        Check[] across = all.stream().filter(Check::acrossRecords).toArray(Check[]::new);
        Header header = new Header(columns, where, 1, true);
        for (Check c : every) c.start(header, out);
        int number = 1;
        for (Project record : records) {
            number++;
            report.countRecord();
            RecordRow rr;
            boolean judge = judged.test(number);
            if (judge) {
                String[] cells = record.values();
                for (int i = 0; i < cells.length; i++) if (cells[i] == null) cells[i] = "";
                Row row = new Row(number, cells);
                rr = new RecordRow(columns.project(row), row, columns, where); // cleaned as a CSV cell would be
            } else {
                // seen by the checks across records only, which read its values (canonical already: cleaning them
                // again was most of this method's time at 100,000 records, JFR) and its row number, not its cells
                rr = new RecordRow(record, new Row(number, NO_CELLS), columns, where);
            }
            Layer layer = Layer.of(rr.project().get(layerField));
            for (Check c : judge ? every : across) c.row(rr, layer, out);
        }
        for (Check c : every) c.end(header, out);
        return report;
    }

    private static void fail(Report report, SheetException e) {
        if (e.isIo()) report.markIoFailure();
        Code code = Code.of(e.code());
        report.add(code == null
                ? Finding.error(e.code(), e.position(), null, null, e.getMessage())
                : code.at(e.position(), null, e.value(), e.getMessage()));
    }

    private static Finding fromNote(Sheet.ReaderNote note, String recordId) {
        Code code = Code.of(note.code());
        if (code == null) return Finding.warning(note.code(), note.position(), recordId, note.value(), note.message());
        return code.at(note.position(), recordId, note.value(), note.message());
    }

    public Schema schema() {
        return schema;
    }
}
