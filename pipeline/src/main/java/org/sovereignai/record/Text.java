package org.sovereignai.record;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** How cell text is made canonical: trimmed, Unicode NFC, blank means absent; multi-valued cells split on ';'. */
public final class Text {
    /** Separator of values in a multi-valued cell. */
    public static final char SEPARATOR = ';';
    /** How multi-valued cells are joined when written back. */
    public static final String JOINER = "; ";

    private Text() {
    }

    /** Trimmed and NFC-normalised; null for null or blank. */
    public static String clean(String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty()) return null;
        return Normalizer.isNormalized(t, Normalizer.Form.NFC) ? t : Normalizer.normalize(t, Normalizer.Form.NFC);
    }

    /** The values of a multi-valued cell, each cleaned, blanks dropped, in the curator's order. */
    public static List<String> split(String cell) {
        List<String> out = new ArrayList<>(2);
        if (cell == null) return out;
        int start = 0;
        int len = cell.length();
        for (int i = 0; i <= len; i++) {
            if (i == len || cell.charAt(i) == SEPARATOR) {
                String part = clean(cell.substring(start, i));
                if (part != null) out.add(part);
                start = i + 1;
            }
        }
        return out;
    }

    /** Joins values the canonical way; null for none. */
    public static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(JOINER, values);
    }
}
