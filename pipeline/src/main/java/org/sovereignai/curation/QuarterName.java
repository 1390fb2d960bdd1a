package org.sovereignai.curation;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A release or quarter name, {@code YYYY-Qn} or a revision {@code YYYY-Qn.N}, ordered by year, quarter, revision. */
public record QuarterName(int year, int quarter, int revision, String text) implements Comparable<QuarterName> {
    private static final Pattern FORM = Pattern.compile("^(\\d{4})-Q([1-4])(?:\\.(\\d{1,3}))?$");
    private static final Comparator<QuarterName> ORDER = Comparator.comparingInt(QuarterName::year)
            .thenComparingInt(QuarterName::quarter).thenComparingInt(QuarterName::revision);

    /** The name, or null when the text is not of that form. */
    public static QuarterName parse(String text) {
        if (text == null) return null;
        Matcher m = FORM.matcher(text);
        if (!m.matches()) return null;
        return new QuarterName(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), text);
    }

    @Override
    public int compareTo(QuarterName o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return text;
    }
}
