package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.sheet.RecordRow;

/** A well-formed number below its field's {@code minimum} in fields.csv (runs after {@link NumberForms}). */
final class Minimums extends FieldRule {
    Minimums() {
        super(Stage.VALUE, FieldType.NUMBER, FieldType.INTEGER);
    }

    @Override
    boolean concerns(FieldSpec field) {
        return super.concerns(field) && field.minimum() != null;
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        if (!Numbers.below(v, f.minimum())) return true;
        out.accept(Code.BELOW_MINIMUM.at(at(rr, f), rr.project().id(), v, v + " is below the minimum of "
                + Numbers.plain(f.minimum()) + " for " + f.name() + "."));
        return false;
    }
}
