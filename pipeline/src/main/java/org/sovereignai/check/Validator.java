package org.sovereignai.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.Position;
import org.sovereignai.sheet.RecordRow;
import org.sovereignai.sheet.Row;
import org.sovereignai.sheet.Sheet;
import org.sovereignai.sheet.SheetException;

/**
 * Validates a curator sheet while streaming it: header checks, then every row, then the rules that need the whole set.
 * The file is only read, never written.
 */
public final class Validator {
    private final Schema schema;

    public Validator(Schema schema) {
        this.schema = schema;
    }

    /**
     * Validates one sheet. Every row that could be read is handed to {@code sink} (valid or not: the report says which).
     */
    public Report validate(Path file, String sheetName, Consumer<RecordRow> sink) {
        Report report = new Report();
        try (Sheet sheet = Sheet.open(file, sheetName)) {
            Position where = sheet.position();
            if (sheet.header().isEmpty()) {
                report.add(Finding.error("empty-file", where, null, null,
                        "the file is empty: it needs a header row naming the fields, then one row per project"));
                return report;
            }
            Columns columns = Columns.of(schema, sheet.header());
            for (int col : columns.unknownColumns()) {
                String name = columns.header().get(col);
                report.add(Finding.error("unknown-column", where.atCell(1, col, name), null, name,
                        "unknown column '" + name + "'"));
            }
            for (FieldSpec f : columns.missingRequired()) {
                report.add(Finding.error("missing-column", where.atRow(1), null, null,
                        "the required column '" + f.name() + "' is missing"));
            }
            Map<String, Integer> ids = new HashMap<>();
            FieldSpec idField = schema.require(Schema.ID);
            for (Row row = sheet.next(); row != null; row = sheet.next()) {
                report.countRecord();
                Project p = columns.project(row);
                RecordRow rr = new RecordRow(p, row, columns, where);
                if (p.id() != null) {
                    Integer first = ids.putIfAbsent(p.id(), row.number());
                    if (first != null) {
                        report.add(Finding.error("duplicate-id", rr.cellOf(idField), p.id(), p.id(),
                                "id '" + p.id() + "' is already used in row " + first + "; every project needs its own id"));
                    }
                }
                sink.accept(rr);
            }
            if (report.records() == 0) {
                report.add(Finding.error("no-records", where, null, null, "the sheet has a header but no project rows"));
            }
        } catch (SheetException e) {
            if (e.isIo()) report.markIoFailure();
            report.add(Finding.error(e.code(), e.position(), null, null, e.getMessage()));
        }
        return report;
    }
}
