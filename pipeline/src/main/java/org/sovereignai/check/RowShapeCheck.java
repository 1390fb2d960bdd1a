package org.sovereignai.check;

import java.util.List;
import java.util.function.Consumer;

import org.sovereignai.sheet.CellRef;
import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.Position;
import org.sovereignai.sheet.Row;

/**
 * The shape of a row against the header: values in cells that have no header (a ragged row, or a blank header cell
 * above data) are errors, since they would silently be dropped; a CSV row with fewer cells than the header is a
 * warning (the missing cells read as blank; XLSX rows are stored short whenever their last cells are empty).
 */
final class RowShapeCheck {
    private final int width;
    private final boolean[] headerless;
    private final List<String> header;
    private final Position sheet;
    private final boolean csv;

    RowShapeCheck(Columns columns, Position sheet, boolean csv) {
        this.header = columns.header();
        this.width = header.size();
        this.headerless = new boolean[width];
        for (int i = 0; i < width; i++) headerless[i] = header.get(i) == null || header.get(i).isBlank();
        this.sheet = sheet;
        this.csv = csv;
    }

    void check(Row row, String recordId, Consumer<Finding> out) {
        String[] cells = row.cells();
        for (int i = 0; i < cells.length; i++) {
            if (i < width && !headerless[i]) continue;
            String v = cells[i];
            if (v == null || v.isBlank()) continue;
            out.accept(Code.VALUE_WITHOUT_HEADER.at(new Position(sheet.file(), sheet.sheet(), row.number(), null,
                    CellRef.of(i, row.number())), recordId, v, "cell " + CellRef.of(i, row.number()) + " has a value but column "
                    + CellRef.column(i) + " has no header, so the value would be lost. Check for a stray comma or"
                    + " a shifted cell in this row, or give the column a header."));
        }
        if (csv && cells.length < width) {
            int first = cells.length;
            out.accept(Code.ROW_TOO_SHORT.at(sheet.atCell(row.number(), first, header.get(first).strip()), recordId, null,
                    "the row has " + cells.length + " cells but the header has " + width + "; the cells from "
                            + CellRef.column(first) + " on were read as blank. Check for a missing comma or a cut-off row."));
        }
    }
}
