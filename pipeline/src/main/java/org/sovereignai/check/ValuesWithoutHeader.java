package org.sovereignai.check;

import java.util.List;
import java.util.function.Consumer;

import org.sovereignai.record.Layer;
import org.sovereignai.sheet.CellRef;
import org.sovereignai.sheet.Position;
import org.sovereignai.sheet.RecordRow;

/**
 * A value in a cell that has no header (a ragged row, or a blank header cell above data): it would silently be
 * dropped.
 */
final class ValuesWithoutHeader implements Check {
    private int width;
    private boolean[] headerless;
    private Position sheet;

    @Override
    public void start(Header header, Consumer<Finding> out) {
        List<String> names = header.columns().header();
        this.width = names.size();
        this.headerless = new boolean[width];
        for (int i = 0; i < width; i++) headerless[i] = names.get(i) == null || names.get(i).isBlank();
        this.sheet = header.sheet();
    }

    @Override
    public void row(RecordRow rr, Layer layer, Consumer<Finding> out) {
        String[] cells = rr.row().cells();
        int row = rr.row().number();
        for (int i = 0; i < cells.length; i++) {
            if (i < width && !headerless[i]) continue;
            String v = cells[i];
            if (v == null || v.isBlank()) continue;
            out.accept(Code.VALUE_WITHOUT_HEADER.at(new Position(sheet.file(), sheet.sheet(), row, null,
                    CellRef.of(i, row)), rr.project().id(), v, "cell " + CellRef.of(i, row) + " has a value but column "
                    + CellRef.column(i) + " has no header, so the value would be lost. Check for a stray comma or"
                    + " a shifted cell in this row, or give the column a header."));
        }
    }
}
