package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.sheet.RecordRow;

/** A cell longer than the reader's cap: reported with its length, and not checked further. */
final class CellTooLong extends FieldRule {
    private final int maxCellChars;

    CellTooLong(int maxCellChars) {
        super(Stage.CELL);
        this.maxCellChars = maxCellChars;
    }

    @Override
    boolean concerns(FieldSpec field) {
        return true;
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        if (v.length() <= maxCellChars) return true;
        out.accept(Code.CELL_TOO_LONG.at(at(rr, f), rr.project().id(), v, "the cell holds " + v.length()
                + " characters, more than the " + maxCellChars + " a cell may hold; it was not checked further."));
        return false;
    }
}
