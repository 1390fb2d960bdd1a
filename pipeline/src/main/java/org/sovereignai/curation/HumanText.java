package org.sovereignai.curation;

import org.sovereignai.record.Text;

/** Names and notes typed by people: cleaned, control characters removed, length capped. */
final class HumanText {
    private HumanText() {
    }

    static String name(String s) {
        String t = cap(s, 200);
        return t == null ? "unknown" : t;
    }

    static String note(String s) {
        return cap(s, 2000);
    }

    private static String cap(String s, int max) {
        String t = Text.clean(s == null ? null : s.replaceAll("\\p{Cntrl}", " "));
        if (t == null) return null;
        return t.length() > max ? t.substring(0, max) : t;
    }
}
