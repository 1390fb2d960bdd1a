package org.sovereignai.sheet;

import org.sovereignai.record.Project;

/** A data row together with the project it reads as, and the column map, so callers can name cells. */
public record RecordRow(Project project, Row row, Columns columns, Position sheet) {

    /** The position of the cell holding a field (or of the row, when the sheet has no such column). */
    public Position cellOf(org.sovereignai.record.FieldSpec field) {
        int col = columns.columnOf(field);
        return col < 0 ? sheet.atRow(row.number()) : sheet.atCell(row.number(), col, columns.header().get(col));
    }
}
