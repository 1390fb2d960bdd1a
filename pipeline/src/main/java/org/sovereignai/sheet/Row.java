package org.sovereignai.sheet;

/**
 * One data row as read, cells in column order (missing trailing cells are shorter arrays, never padded).
 *
 * @param number 1-based row number as the spreadsheet shows it (header = 1)
 */
public record Row(int number, String[] cells) {

    /** The cell at a 0-based column, or null when the row is shorter. */
    public String cell(int column) {
        return column < cells.length ? cells[column] : null;
    }
}
