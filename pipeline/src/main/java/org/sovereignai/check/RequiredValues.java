package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.sheet.RecordRow;

/**
 * A required field left blank. A field of every layer is reported only when its column is there (a missing column is
 * reported once, by {@link MissingColumns}, not on every row); a field of some layers only for records of those layers.
 */
final class RequiredValues extends FieldRule {
    RequiredValues() {
        super(Stage.BLANK);
    }

    @Override
    boolean concerns(FieldSpec field) {
        return field.required();
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String blank, Consumer<Finding> out) {
        if (f.common() ? rr.columns().columnOf(f) < 0 : layer == null || !f.appliesTo(layer)) return true;
        String forWhom = f.common() ? "" : " for " + layersOf(f) + " records";
        out.accept(Code.MISSING_VALUE.at(at(rr, f), rr.project().id(), null,
                f.name() + " is required" + forWhom + " (" + f.description() + "), e.g. " + f.example() + "."));
        return false;
    }
}
