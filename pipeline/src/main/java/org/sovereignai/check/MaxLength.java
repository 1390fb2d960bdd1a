package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.sheet.RecordRow;

/** A value longer than its field's {@code max_length} in fields.csv, counted in characters (code points). */
final class MaxLength extends FieldRule {
    MaxLength() {
        super(Stage.VALUE);
    }

    @Override
    boolean concerns(FieldSpec field) {
        return field.maxLength() > 0;
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        // the UTF-16 length bounds the code point count from above, so short values are never counted
        if (v.length() <= f.maxLength() || v.codePointCount(0, v.length()) <= f.maxLength()) return true;
        out.accept(Code.TOO_LONG.at(at(rr, f), rr.project().id(), v, "the value has " + v.codePointCount(0, v.length())
                + " characters; " + f.name() + " allows at most " + f.maxLength() + "."));
        return false;
    }
}
