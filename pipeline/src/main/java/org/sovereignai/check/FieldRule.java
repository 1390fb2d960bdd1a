package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.Position;
import org.sovereignai.sheet.RecordRow;

/**
 * One rule about the value of a field, run by {@link Fields} on every field it {@link #concerns}. A rule looks at
 * one {@link Stage} of a cell; rules run in the order of {@link Checks#standard}, and the first one to report on a
 * value stops the rest (a value too long for its field is not also checked against the field's pattern).
 */
abstract class FieldRule {

    /** Which part of a cell a rule sees. */
    enum Stage {
        /** A blank cell (the value passed is null). */
        BLANK,
        /** A non-blank cell, whole. */
        CELL,
        /** Each value of a non-blank cell: the whole cell, or each part of a multi-valued one. */
        VALUE
    }

    abstract Stage stage();

    /** Whether the rule ever applies to the field; asked once per validation, so the rows pay only for rules that do. */
    abstract boolean concerns(FieldSpec field);

    /** Checks one cell or value; returns false when it reported a finding, so later rules skip what it judged. */
    abstract boolean check(RecordRow row, FieldSpec field, Layer layer, String value, Consumer<Finding> out);

    /** The cell of a field in this row; when the sheet has no such column, the row with the column's name. */
    static Position at(RecordRow rr, FieldSpec f) {
        return rr.sheet().atField(rr.row().number(), rr.columns(), f);
    }

    /** applies[field index][layer ordinal]: {@link FieldSpec#appliesTo}, looked up without hashing on every cell. */
    static boolean[][] appliesByLayer(Schema schema) {
        boolean[][] applies = new boolean[schema.fields().size()][Layer.values().length];
        for (FieldSpec f : schema.fields()) for (Layer l : Layer.values()) applies[f.index()][l.ordinal()] = f.appliesTo(l);
        return applies;
    }

    /** "models", "compute and data": the layers a field belongs to, for messages. */
    static String layersOf(FieldSpec f) {
        StringBuilder sb = new StringBuilder();
        for (Layer l : Layer.values()) {
            if (!f.appliesTo(l)) continue;
            if (!sb.isEmpty()) sb.append(" and ");
            sb.append(l.value());
        }
        return sb.toString();
    }
}
