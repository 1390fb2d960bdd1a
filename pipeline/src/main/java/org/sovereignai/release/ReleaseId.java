package org.sovereignai.release;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release's id: the quarter ({@code 2026-Q1}), or an errata of it ({@code 2026-Q1.1}, {@code 2026-Q1.2}, ...).
 * Ordered by quarter, then errata number; the id is also the release's folder name.
 */
public record ReleaseId(int year, int quarter, int errata) implements Comparable<ReleaseId> {
    private static final Pattern SYNTAX = Pattern.compile("(\\d{4})-Q([1-4])(?:\\.([1-9]\\d{0,3}))?");

    /** The id, or null when the text is not {@code YYYY-Qn} or {@code YYYY-Qn.N}. */
    public static ReleaseId parse(String text) {
        if (text == null) return null;
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) return null;
        return new ReleaseId(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public boolean isErrata() {
        return errata > 0;
    }

    /** The quarter without errata number. */
    public ReleaseId quarterId() {
        return new ReleaseId(year, quarter, 0);
    }

    public boolean sameQuarter(ReleaseId other) {
        return year == other.year && quarter == other.quarter;
    }

    public ReleaseId withErrata(int n) {
        return new ReleaseId(year, quarter, n);
    }

    /** The last day of the quarter: the default release date, so no wall clock reaches a published file. */
    public LocalDate quarterEnd() {
        return LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
    }

    @Override
    public int compareTo(ReleaseId o) {
        if (year != o.year) return Integer.compare(year, o.year);
        if (quarter != o.quarter) return Integer.compare(quarter, o.quarter);
        return Integer.compare(errata, o.errata);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter + (errata > 0 ? "." + errata : "");
    }
}
