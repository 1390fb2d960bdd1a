package org.sovereignai.stats;

import java.util.Locale;

/**
 * A minimal SVG writer: rectangles, lines and escaped text with fixed number formatting, so the same chart is always
 * the same bytes. Coordinates are in pixels of the viewBox.
 */
final class Svg {
    static final String FONT = "font-family=\"Helvetica, Arial, sans-serif\"";
    private final StringBuilder sb = new StringBuilder();

    Svg(int width, int height, String title) {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" ")
                .append(FONT).append(" font-size=\"12\" role=\"img\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");
        text(width / 2.0, 26, title, "middle", 16, true, "#1a1a1a");
    }

    Svg rect(double x, double y, double w, double h, String fill) {
        sb.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke) {
        sb.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1\"/>\n");
        return this;
    }

    Svg text(double x, double y, String text, String anchor, int size, boolean bold, String fill) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"").append(size).append('"');
        if (bold) sb.append(" font-weight=\"bold\"");
        sb.append(" fill=\"").append(fill).append("\">").append(escape(text)).append("</text>\n");
        return this;
    }

    /** Text turned 90 degrees counter-clockwise around its anchor point (a vertical axis title). */
    Svg verticalText(double x, double y, String text, int size) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"middle\" font-size=\"")
                .append(size).append("\" fill=\"#333333\" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y))
                .append(")\">").append(escape(text)).append("</text>\n");
        return this;
    }

    String finish() {
        return sb.append("</svg>\n").toString();
    }

    /** Rough width of a text in pixels at a font size (Helvetica averages a little over half an em per character). */
    static double textWidth(String text, int size) {
        return text.length() * size * 0.56;
    }

    /** Width a chart needs for its title (bold 16 px) with margins. */
    static double titleWidth(String title) {
        return textWidth(title, 16) * 1.08 + 40;
    }

    /** A label cut to 40 characters with an ellipsis, so one long name cannot squeeze the plot. */
    static String shorten(String label) {
        return label.length() <= 40 ? label : label.substring(0, 39).strip() + "\u2026";
    }

    /** At most two decimals, no trailing zeros, no locale: {@code 12}, {@code 12.5}, {@code 12.33}. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Control characters are not allowed in XML 1.0; drop them.
                    if (c >= 0x20 || c == '\t' || c == '\n') out.append(c);
                }
            }
        }
        return out.toString();
    }
}
