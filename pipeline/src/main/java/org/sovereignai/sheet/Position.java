package org.sovereignai.sheet;

import org.sovereignai.record.FieldSpec;

/**
 * Where something is, in the curator's own coordinates. Any part may be null when it does not apply
 * (a CSV has no sheet; a header problem has no cell of a data row).
 *
 * @param row    1-based, as the spreadsheet shows it: the header is row 1
 * @param column the header name
 * @param cell   A1 reference, e.g. {@code F42}
 */
public record Position(String file, String sheet, Integer row, String column, String cell) {

    public static Position ofFile(String file) {
        return new Position(file, null, null, null, null);
    }

    public Position atRow(int row) {
        return new Position(file, sheet, row, null, null);
    }

    /** The position of one cell: columnIndex is 0-based. */
    public Position atCell(int row, int columnIndex, String columnName) {
        return new Position(file, sheet, row, columnName, CellRef.of(columnIndex, row));
    }

    /** The cell of {@code field} in a row; when the sheet has no such column, the row with the field's name. */
    public Position atField(int row, Columns columns, FieldSpec field) {
        int col = columns.columnOf(field);
        if (col < 0) return new Position(file, sheet, row, field.name(), null);
        return atCell(row, col, columns.header().get(col).strip());
    }

    /** "file.xlsx, sheet Projects, row 42, column license (F42)" for people. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file);
        if (sheet != null) sb.append(sb.isEmpty() ? "" : ", ").append("sheet ").append(sheet);
        if (row != null) sb.append(sb.isEmpty() ? "" : ", ").append("row ").append(row);
        if (column != null) sb.append(sb.isEmpty() ? "" : ", ").append("column ").append(column);
        if (cell != null) sb.append(" (").append(cell).append(')');
        return sb.toString();
    }
}
