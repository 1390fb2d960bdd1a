package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.sheet.RecordRow;

/** A value in a field of another layer: it must be blank, and is not checked further. */
final class NotForLayer extends FieldRule {
    NotForLayer() {
        super(Stage.CELL);
    }

    @Override
    boolean concerns(FieldSpec field) {
        return !field.common();
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        if (layer == null || f.appliesTo(layer)) return true;
        out.accept(Code.NOT_FOR_LAYER.at(at(rr, f), rr.project().id(), v, f.name() + " belongs to " + layersOf(f)
                + " records only; this is a " + layer.value() + " record, so leave it blank."));
        return false;
    }
}
