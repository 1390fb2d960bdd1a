package org.sovereignai.record;

import java.math.BigDecimal;

/**
 * The one rule for numbers in records (used by {@link Project#typed}, the diff and the release files): an integer field
 * holds a {@code long}, a number field a decimal without trailing zeros; both are written plain ({@code 500000000},
 * {@code 18.5}), so {@code 5.0} and {@code 5} are the same number. Text that is not a number stays as it is (the
 * validator reports it; a valid record never has one). Which forms a curator may type is the validator's question
 * ({@code check}), not this one's.
 */
public final class CanonicalNumber {
    private CanonicalNumber() {
    }

    /** The value typed for publishing: a {@link Long} for integers, a {@link BigDecimal} for numbers, else the text itself. */
    public static Object typed(FieldType type, String v) {
        try {
            if (type == FieldType.INTEGER) return Long.valueOf(v);
            if (type == FieldType.NUMBER) return new BigDecimal(v).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return v;
        }
        return v;
    }

    /**
     * The canonical text of a number: {@link #typed} written plain. An integer too large for a long, or written with a
     * fraction, is compared as a decimal; text that is no number at all stays as it is.
     */
    public static String text(FieldType type, String v) {
        Object t = typed(type, v);
        if (t instanceof Long l) return l.toString();
        if (t instanceof BigDecimal d) return d.toPlainString();
        try {
            return new BigDecimal(v).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
