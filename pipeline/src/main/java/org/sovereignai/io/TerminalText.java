package org.sovereignai.io;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The one escaping function for text that reaches a terminal: control characters other than tab and line breaks (C0,
 * DEL, C1) are shown as {@code U+001B}-style escapes written as backslash, u and four hex digits, so that a cell holding ESC or BEL cannot retitle, clear or
 * reprogram the terminal of whoever runs {@code sai diff} or {@code sai validate}. {@code cli.Sai} puts every command's
 * output and error streams through {@link #escaping}.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** A control character a cell may not hold and a terminal must not receive: C0 except tab, CR and LF; DEL; C1. */
    public static boolean isControl(int c) {
        return c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c >= 0x7f && c <= 0x9f;
    }

    /** The text with its control characters (except tab, CR, LF) written as a backslash, u and four hex digits. */
    public static String escape(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) {
                if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
                b.append(String.format("\\u%04X", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** A writer that escapes everything written through it before it reaches {@code target}. */
    public static PrintWriter escaping(PrintWriter target) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                target.write(escape(new String(cbuf, off, len)));
            }

            @Override
            public void flush() {
                target.flush();
            }

            @Override
            public void close() {
                target.close();
            }
        }, true);
    }
}
