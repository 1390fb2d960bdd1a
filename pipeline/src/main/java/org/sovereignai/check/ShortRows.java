package org.sovereignai.check;

import java.util.List;
import java.util.function.Consumer;

import org.sovereignai.record.Layer;
import org.sovereignai.sheet.CellRef;
import org.sovereignai.sheet.RecordRow;

/**
 * A CSV row with fewer cells than the header: a warning, since the missing cells read as blank. XLSX rows are not
 * checked: they are stored short whenever their last cells are empty.
 */
final class ShortRows implements Check {
    private Header header;
    private List<String> names;

    @Override
    public void start(Header header, Consumer<Finding> out) {
        this.header = header;
        this.names = header.columns().header();
    }

    @Override
    public void row(RecordRow rr, Layer layer, Consumer<Finding> out) {
        String[] cells = rr.row().cells();
        int width = names.size();
        if (!header.csv() || cells.length >= width) return;
        int first = cells.length;
        int row = rr.row().number();
        out.accept(Code.ROW_TOO_SHORT.at(header.sheet().atCell(row, first, names.get(first).strip()), rr.project().id(), null,
                "the row has " + cells.length + " cells but the header has " + width + "; the cells from "
                        + CellRef.column(first) + " on were read as blank. Check for a missing comma or a cut-off row."));
    }
}
