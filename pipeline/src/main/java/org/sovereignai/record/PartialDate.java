package org.sovereignai.record;

/**
 * A date given to the precision the sources allow: a quarter ({@code 2025-Q3}), a month ({@code 2025-09})
 * or a day ({@code 2025-09-02}). The quarter is always derived.
 */
public record PartialDate(int year, int quarter, int month, int day, String text) {

    /** The parsed date, or null when the text is not one of the three forms or names an impossible date. */
    public static PartialDate parse(String text) {
        if (text == null) return null;
        int n = text.length();
        if (n < 7 || text.charAt(4) != '-' || !digits(text, 0, 4)) return null;
        int year = Integer.parseInt(text, 0, 4, 10);
        if (n == 7 && text.charAt(5) == 'Q') {
            int q = text.charAt(6) - '0';
            return q >= 1 && q <= 4 ? new PartialDate(year, q, 0, 0, text) : null;
        }
        if (!digits(text, 5, 7)) return null;
        int month = Integer.parseInt(text, 5, 7, 10);
        if (month < 1 || month > 12) return null;
        int quarter = (month - 1) / 3 + 1;
        if (n == 7) return new PartialDate(year, quarter, month, 0, text);
        if (n != 10 || text.charAt(7) != '-' || !digits(text, 8, 10)) return null;
        int day = Integer.parseInt(text, 8, 10, 10);
        if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) return null;
        return new PartialDate(year, quarter, month, day, text);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** The quarter as {@code YYYY-Qn}. */
    public String quarterLabel() {
        return year + "-Q" + quarter;
    }
}
