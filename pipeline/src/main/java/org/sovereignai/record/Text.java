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
        int n = s.length();
        if (n == 0) return null;
        // most cells have nothing to strip: skip strip()'s scan from both ends when the ends are visible ASCII
        char first = s.charAt(0);
        char last = s.charAt(n - 1);
        String t = first > ' ' && first < 0x7f && last > ' ' && last < 0x7f ? s : s.strip();
        if (t.isEmpty()) return null;
        if (belowCombiningMarks(t)) return t;
        return Normalizer.isNormalized(t, Normalizer.Form.NFC) ? t : Normalizer.normalize(t, Normalizer.Form.NFC);
    }

    /**
     * True when every character is below U+0300, where combining marks begin: such text is already NFC. This skips
     * {@link Normalizer#isNormalized}, which allocates a buffer on every call and dominated the validator's profile.
     */
    private static boolean belowCombiningMarks(String s) {
        for (int i = 0, n = s.length(); i < n; i++) if (s.charAt(i) >= '\u0300') return false;
        return true;
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

    /**
     * The values of a multi-valued cell that is already canonical (as a {@link Project} holds it: cleaned values joined
     * with {@link #JOINER}), without cleaning each one again.
     */
    public static List<String> splitCanonical(String joined) {
        List<String> out = new ArrayList<>(2);
        if (joined == null) return out;
        int start = 0;
        for (int i = joined.indexOf(SEPARATOR); i >= 0; i = joined.indexOf(SEPARATOR, start)) {
            out.add(joined.substring(start, i));
            start = i + JOINER.length();
        }
        out.add(joined.substring(start));
        return out;
    }

    /** A multi-valued cell made canonical: split, cleaned, re-joined; a cell with one value is just cleaned (no copies). */
    public static String canonicalMulti(String cell) {
        if (cell == null) return null;
        if (cell.indexOf(SEPARATOR) < 0) return clean(cell);
        return join(split(cell));
    }

    /** Joins values the canonical way; null for none. */
    public static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(JOINER, values);
    }
}
