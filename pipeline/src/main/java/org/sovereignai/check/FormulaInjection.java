package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.sheet.RecordRow;

/**
 * Free text that a spreadsheet could take for a formula when the published CSV is opened: a warning, since the value
 * itself is allowed.
 */
final class FormulaInjection extends FieldRule {
    FormulaInjection() {
        super(Stage.VALUE, FieldType.TEXT, FieldType.LICENSE);
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        char c = v.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@') return true;
        out.accept(Code.FORMULA_INJECTION.at(at(rr, f), rr.project().id(), v, f.name() + " starts with '" + c
                + "', which Excel and other spreadsheets may run as a formula when the published data is opened."
                + " Reword it so it starts with a letter or digit."));
        return false;
    }
}
