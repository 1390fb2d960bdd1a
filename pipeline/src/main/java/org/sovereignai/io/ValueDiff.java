package org.sovereignai.io;

/**
 * Where a changed value differs from the value before, for people: both values cut to a window around their first
 * difference, with {@code …} where text was left out, so that a long value shows the part that changed rather than
 * its first 80 characters. A window never splits a character (surrogate pairs stay whole).
 *
 * @param at     where the values first differ, counted in characters (code points) from 0
 * @param before the value before, shown: whole when short, else the window; null when it was blank
 * @param after  the value after, shown the same way; null when it is blank
 */
public record ValueDiff(int at, String before, String after) {
    /** A value of up to this many characters is shown whole; a window holds at most this many. */
    static final int SHOWN = 80;
    /** Characters of unchanged text kept before the first difference and after the last one. */
    static final int CONTEXT = 20;
    static final String ELISION = "…";

    /** The window of two values (either may be null: blank). */
    public static ValueDiff of(String before, String after) {
        String a = before == null ? "" : before;
        String b = after == null ? "" : after;
        int prefix = 0;
        int max = Math.min(a.length(), b.length());
        while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) prefix++;
        prefix = boundary(a, prefix);
        int suffix = 0;
        while (suffix < max - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) suffix++;
        // the suffix must start on a character of its own in both values
        while (suffix > 0 && (Character.isLowSurrogate(a.charAt(a.length() - suffix)) || Character.isLowSurrogate(b.charAt(b.length() - suffix)))) suffix--;
        int at = a.codePointCount(0, prefix);
        if (a.codePointCount(0, a.length()) <= SHOWN && b.codePointCount(0, b.length()) <= SHOWN) {
            return new ValueDiff(at, before, after);
        }
        int start = boundary(a, Math.max(0, prefix - CONTEXT));
        return new ValueDiff(at, window(before, start, suffix), window(after, start, suffix));
    }

    /** The part of {@code v} from {@code start} to {@link #CONTEXT} after its changed part, at most {@link #SHOWN} long. */
    private static String window(String v, int start, int suffix) {
        if (v == null) return null;
        int changedEnd = v.length() - suffix;
        int end = Math.min(v.length(), Math.max(changedEnd, start) + CONTEXT);
        if (v.codePointCount(start, end) > SHOWN) end = v.offsetByCodePoints(start, SHOWN);
        end = boundary(v, end);
        return (start > 0 ? ELISION : "") + v.substring(start, end) + (end < v.length() ? ELISION : "");
    }

    /** {@code i}, moved back when it would split a surrogate pair. */
    private static int boundary(String v, int i) {
        return i > 0 && i < v.length() && Character.isLowSurrogate(v.charAt(i)) ? i - 1 : i;
    }

    /** "'…received 52 million…' -> '…received 60 million…'", blank as (blank). */
    public String describe() {
        return quote(before) + " -> " + quote(after);
    }

    public static String quote(String shown) {
        return shown == null ? "(blank)" : "'" + shown + "'";
    }
}
