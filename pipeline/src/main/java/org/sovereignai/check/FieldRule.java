package org.sovereignai.check;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
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

    private final Stage stage;
    private final Set<FieldType> types;

    /** A rule of {@code stage} that concerns the fields of {@code types} (or, with none, what {@link #concerns} says). */
    FieldRule(Stage stage, FieldType... types) {
        this.stage = stage;
        this.types = types.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(types));
    }

    final Stage stage() {
        return stage;
    }

    /**
     * Whether the rule ever applies to the field: by default, whether the field has one of the rule's types. Asked once
     * per validation, so the rows pay only for the rules of their fields.
     */
    boolean concerns(FieldSpec field) {
        return types.contains(field.type());
    }

    /** Checks one cell or value; returns false when it reported a finding, so later rules skip what it judged. */
    abstract boolean check(RecordRow row, FieldSpec field, Layer layer, String value, Consumer<Finding> out);

    /** The cell of a field in this row; when the sheet has no such column, the row with the column's name. */
    static Position at(RecordRow rr, FieldSpec f) {
        return rr.sheet().atField(rr.row().number(), rr.columns(), f);
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
