package org.sovereignai.sheet;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What a spreadsheet number format shows of a date, so that a date cell keeps the precision the curator sees: a cell
 * shown as {@code May-24} (stored as the first of the month) reads as {@code 2024-05}, one shown as {@code 2024} as
 * {@code 2024}, one shown with its day as {@code 2024-05-17}. Excel's built-in formats have no format code in the
 * workbook, only an id, so the ids of the date formats are mapped here (ECMA-376 part 1, 18.8.30).
 */
final class DateFormats {
    /** How much of a date a format shows. */
    enum Precision {
        YEAR, MONTH, DAY;

        String format(LocalDate d) {
            return switch (this) {
                case YEAR -> String.format(Locale.ROOT, "%04d", d.getYear());
                case MONTH -> String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
                case DAY -> d.toString();
            };
        }
    }

    private DateFormats() {
    }

    /**
     * The precision a number format shows, or null when it is not a date format (a plain number, a time of day).
     *
     * @param code the format code as the workbook writes it (null for a built-in format)
     * @param id   the format id (null when unknown)
     */
    static Precision precision(String code, Integer id) {
        if (code == null) code = builtIn(id);
        if (code == null) return null;
        String f = code.toLowerCase(Locale.ROOT);
        int section = firstSection(f);
        if (section >= 0) f = f.substring(0, section);
        // literal text ("…", \x), colours and locales ([Red], [$-409]), padding (_x, *x) show no part of the date
        f = f.replaceAll("\"[^\"]*\"|\\\\.|\\[[^]]*]|_.|\\*.", "");
        // 'm' next to hours or seconds is minutes, not the month
        f = f.replaceAll("h+[^a-z]*m+", "h").replaceAll("m+([^a-z]*s)", "$1");
        boolean year = f.indexOf('y') >= 0;
        boolean month = f.indexOf('m') >= 0;
        boolean day = f.indexOf('d') >= 0;
        if (!(year || day && month)) return null;
        if (day) return Precision.DAY;
        return month ? Precision.MONTH : Precision.YEAR;
    }

    /** Where the first ';' outside quotes ends the format's first section (positive numbers), or -1. */
    private static int firstSection(String f) {
        boolean quoted = false;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') quoted = !quoted;
            else if (c == ';' && !quoted) return i;
        }
        return -1;
    }

    /** The built-in number formats that are dates (their codes as shown in the en-US locale). */
    private static String builtIn(Integer id) {
        if (id == null) return null;
        return switch (id) {
            case 14 -> "mm-dd-yy";
            case 15 -> "d-mmm-yy";
            case 16 -> "d-mmm";
            case 17 -> "mmm-yy";
            case 22 -> "m/d/yy h:mm";
            default -> null;
        };
    }
}
