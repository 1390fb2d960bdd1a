package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.sheet.RecordRow;

/**
 * A number or integer field holding something other than what a curator may write ({@link Numbers#form}); thousands
 * separators get the fixed number suggested.
 */
final class NumberForms extends FieldRule {
    NumberForms() {
        super(Stage.VALUE, FieldType.NUMBER, FieldType.INTEGER);
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        boolean integer = f.type() == FieldType.INTEGER;
        int form = Numbers.form(v, integer);
        if (form == Numbers.OK) return true;
        String example = integer ? "5448" : "52000000 or 2.5";
        String message = "'" + v + "' is not " + (integer ? "a whole number" : "a plain number") + ": " + f.name() + " takes "
                + (integer ? "digits only" : "digits with at most one decimal point") + ", e.g. " + example + ".";
        if (form == Numbers.GROUPED) message += " Write " + v.replace(",", "").replace(" ", "").replace("'", "").replace("_", "")
                + ", not " + v + ": no thousands separators.";
        else message += " No currency signs, units, words or exponents.";
        out.accept((integer ? Code.INVALID_INTEGER : Code.INVALID_NUMBER).at(at(rr, f), rr.project().id(), v, message));
        return false;
    }
}
