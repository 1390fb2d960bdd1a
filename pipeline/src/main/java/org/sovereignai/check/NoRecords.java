package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.Layer;
import org.sovereignai.sheet.RecordRow;

/** A header row with no project rows below it. */
final class NoRecords implements Check {
    private boolean any;

    @Override
    public boolean acrossRecords() {
        return true;
    }

    @Override
    public void row(RecordRow rr, Layer layer, Consumer<Finding> out) {
        any = true;
    }

    @Override
    public void end(Header header, Consumer<Finding> out) {
        if (any) return;
        out.accept(Code.NO_RECORDS.at(header.sheet(), null, null,
                "the sheet has a header row but no project rows below it; add one row per project."));
    }
}
