package org.sovereignai.record;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column of the record contract, as declared in {@code schemas/fields.csv}.
 *
 * @param index      position in the contract (and in the curator template)
 * @param layers     the layers the field belongs to; for any other layer it must be blank
 * @param required   required for the layers it belongs to
 * @param vocabulary name of the vocabulary its values come from, or null
 * @param pattern    anchored pattern every (single) value must match, or null
 * @param minimum    lower bound for numbers, or null
 * @param maxLength  longest allowed value in characters, or 0 for no limit
 */
public record FieldSpec(
        String name,
        int index,
        FieldType type,
        Set<Layer> layers,
        boolean multi,
        boolean required,
        String vocabulary,
        Pattern pattern,
        Double minimum,
        int maxLength,
        String description,
        String example) {

    public FieldSpec {
        layers = Set.copyOf(layers.isEmpty() ? EnumSet.allOf(Layer.class) : layers);
    }

    /** True when the field belongs to every layer. */
    public boolean common() {
        return layers.size() == Layer.values().length;
    }

    public boolean appliesTo(Layer layer) {
        return layers.contains(layer);
    }
}
