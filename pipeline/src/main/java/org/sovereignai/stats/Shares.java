package org.sovereignai.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rounding rules of the figures, in one place (documented in docs/statistics.md): shares are decimals rounded
 * half-up to four places; Markdown shows them as whole percents rounded half-up, deltas of shares to one decimal.
 */
public final class Shares {
    /** Decimal places of a share in stats.json. */
    public static final int SCALE = 4;

    private Shares() {
    }

    /** count / total rounded half-up to four places; 0 when the total is 0. */
    public static BigDecimal share(long count, long total) {
        if (total == 0) return BigDecimal.ZERO.setScale(SCALE);
        return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(total), SCALE, RoundingMode.HALF_UP);
    }

    /** A whole percent, rounded half-up from the exact fraction: 14 of 36 -> "39%". */
    public static String percent(long count, long total) {
        if (total == 0) return "0%";
        BigDecimal pct = BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP);
        return pct.toPlainString() + "%";
    }

    /** A share (a fraction) as a percent with one decimal: 0.3889 -> "38.9%". */
    public static String percentOneDecimal(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
