package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.record.PartialDate;
import org.sovereignai.sheet.RecordRow;

/** A date not written YYYY-Qn, YYYY-MM or YYYY-MM-DD, or one that does not exist ({@link PartialDate}). */
final class Dates extends FieldRule {
    Dates() {
        super(Stage.VALUE, FieldType.DATE);
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        if (PartialDate.parse(v) != null) return true;
        out.accept(Code.INVALID_DATE.at(at(rr, f), rr.project().id(), v, "'" + v + "' is not a date in a form " + f.name()
                + " accepts: write YYYY-Qn (2025-Q3), YYYY-MM (2025-09) or YYYY-MM-DD (2025-09-02), and a date that exists."));
        return false;
    }
}
