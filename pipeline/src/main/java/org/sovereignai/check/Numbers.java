package org.sovereignai.check;

import java.math.BigDecimal;

/**
 * The number forms a curator may write: plain decimal digits, an optional leading minus (so a negative value is
 * reported as below the minimum rather than as unreadable) and, for decimals, one point. Checked with a loop, not a
 * regular expression, because it runs on every row.
 */
final class Numbers {
    static final int OK = 0;
    /** Not a number. */
    static final int BAD = 1;
    /** Digits with thousands separators, such as 52,000,000. */
    static final int GROUPED = 2;

    private Numbers() {
    }

    static int form(String v, boolean integer) {
        int n = v.length();
        int i = v.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean point = false;
        boolean grouped = false;
        int afterPoint = 0;
        for (; i < n; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (point) afterPoint++;
            } else if (c == '.' && !point && !integer) {
                point = true;
            } else if ((c == ',' || c == ' ' || c == '\'' || c == '_' || c == '\u00a0' || c == '\u202f') && digits > 0 && !point) {
                grouped = true;
            } else {
                return BAD;
            }
        }
        if (digits == 0 || (point && afterPoint == 0)) return BAD;
        return grouped ? GROUPED : OK;
    }

    /** True when a well-formed number is below the minimum. */
    static boolean below(String v, double minimum) {
        if (minimum == 0.0) {
            if (v.charAt(0) != '-') return false;
            for (int i = 1; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c >= '1' && c <= '9') return true;
            }
            return false; // -0 is zero
        }
        return new BigDecimal(v).compareTo(BigDecimal.valueOf(minimum)) < 0;
    }

    static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
