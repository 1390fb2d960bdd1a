package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.io.TerminalText;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.sheet.RecordRow;

/**
 * A control character other than tab, carriage return and line feed in a cell (ESC, BEL, NUL, DEL, C1 controls): an
 * error, since it would be published raw and can retitle, clear or reprogram the terminal of whoever prints the data.
 * Runs on every field, before the field's own rules.
 */
final class ControlCharacters extends FieldRule {
    ControlCharacters() {
        super(Stage.CELL);
    }

    @Override
    boolean concerns(FieldSpec field) {
        return true;
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!TerminalText.isControl(c)) continue;
            out.accept(Code.CONTROL_CHARACTER.at(at(rr, f), rr.project().id(), TerminalText.escape(v), f.name()
                    + " holds the control character " + String.format("U+%04X", (int) c) + " at position " + (i + 1)
                    + "; only tab and line breaks are allowed. Delete it (it is invisible in most editors)."));
            return false;
        }
        return true;
    }
}
