package org.sovereignai.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Text;
import org.sovereignai.sheet.RecordRow;

/**
 * Runs the {@link FieldRule}s on every field of every record, field by field in contract order: a blank cell goes to
 * the {@code BLANK} rules, a non-blank one to the {@code CELL} rules and then, split at {@code ;} when the field is
 * multi-valued, each of its values to the {@code VALUE} rules. The rules that concern a field are picked once, when
 * the check is built, so a row pays only for the rules of its fields; a valid row allocates nothing here (a cell
 * without a separator is not split).
 */
final class Fields implements Check {
    private final FieldSpec[] fields;
    /** rules[stage][field]: the rules of that stage that concern that field, in order. */
    private final FieldRule[][][] rules;

    Fields(Schema schema, FieldRule... all) {
        this.fields = schema.fields().toArray(new FieldSpec[0]);
        FieldRule.Stage[] stages = FieldRule.Stage.values();
        this.rules = new FieldRule[stages.length][fields.length][];
        for (FieldRule.Stage stage : stages) {
            for (FieldSpec f : fields) {
                List<FieldRule> picked = new ArrayList<>();
                for (FieldRule r : all) if (r.stage() == stage && r.concerns(f)) picked.add(r);
                rules[stage.ordinal()][f.index()] = picked.toArray(new FieldRule[0]);
            }
        }
    }

    @Override
    public void row(RecordRow rr, Layer layer, Consumer<Finding> out) {
        Project p = rr.project();
        FieldRule[][] blank = rules[FieldRule.Stage.BLANK.ordinal()];
        FieldRule[][] cell = rules[FieldRule.Stage.CELL.ordinal()];
        for (FieldSpec f : fields) {
            String v = p.get(f);
            if (v == null) {
                run(blank[f.index()], rr, f, layer, null, out);
            } else if (run(cell[f.index()], rr, f, layer, v, out)) {
                FieldRule[] valueRules = rules[FieldRule.Stage.VALUE.ordinal()][f.index()];
                if (valueRules.length == 0) continue;
                if (f.multi() && v.indexOf(Text.SEPARATOR) >= 0) {
                    for (String part : Text.splitCanonical(v)) run(valueRules, rr, f, layer, part, out);
                } else {
                    run(valueRules, rr, f, layer, v, out);
                }
            }
        }
    }

    /** Runs rules until one reports; true when none did. */
    private static boolean run(FieldRule[] rules, RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        for (FieldRule r : rules) if (!r.check(rr, f, layer, v, out)) return false;
        return true;
    }
}
