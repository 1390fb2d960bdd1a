package org.sovereignai.diff;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CI change gate such as {@code removed>0} or {@code modified>10%}: trips when the count (or its percentage of the
 * old record count) satisfies the comparison. Metrics: added, removed, modified, changed (the three together).
 */
public record Gate(String text, String metric, String operator, BigDecimal threshold, boolean percent) {
    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*(added|removed|modified|changed)\\s*(>=|<=|==|!=|>|<|=)\\s*(\\d+(?:\\.\\d+)?)\\s*(%?)\\s*");

    /** Thrown for a gate that does not parse (a usage error). */
    public static final class SyntaxException extends IllegalArgumentException {
        public SyntaxException(String message) {
            super(message);
        }
    }

    public static Gate parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new SyntaxException("cannot read the gate '" + text + "': write METRIC OPERATOR NUMBER[%], e.g. 'removed>0' "
                    + "or 'modified>10%'; metrics: added, removed, modified, changed; operators: > >= < <= = !=");
        }
        String op = m.group(2).equals("==") ? "=" : m.group(2);
        return new Gate(text.strip(), m.group(1), op, new BigDecimal(m.group(3)), !m.group(4).isEmpty());
    }

    /** The measured value: the count, or its percentage of the old record count (any change from nothing is 100%+). */
    public BigDecimal value(Diff diff) {
        long count = switch (metric) {
            case "added" -> diff.added();
            case "removed" -> diff.removed();
            case "modified" -> diff.modified();
            default -> diff.changed();
        };
        if (!percent) return BigDecimal.valueOf(count);
        if (diff.oldCount() == 0) return count == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(100L * count);
        return BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(diff.oldCount()), 4, java.math.RoundingMode.HALF_EVEN);
    }

    public boolean trips(Diff diff) {
        int c = value(diff).compareTo(threshold);
        return switch (operator) {
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case "=" -> c == 0;
            default -> c != 0;
        };
    }

    /** "gate 'modified>10%' tripped: modified is 12.5% of 800 old records" for people and CI logs. */
    public String explain(Diff diff) {
        BigDecimal v = value(diff).stripTrailingZeros();
        return "gate '" + text + "' tripped: " + metric + " is "
                + (percent ? v.toPlainString() + "% of " + diff.oldCount() + " old records" : v.toPlainString());
    }
}
