package org.sovereignai.check;

/**
 * What counts as a source URL: lower-case {@code http://} or {@code https://}; a host name (dot-separated labels of
 * letters, digits and inner hyphens, the last one starting with a letter; no IP addresses, no user-info); an optional
 * port; then an optional path, query and fragment made of URL characters (RFC 3986, plus non-ASCII letters as
 * browsers show them), with {@code %} only as a {@code %XX} escape. No spaces anywhere.
 * <p>
 * {@link #PATTERN} is the rule as a regular expression, published in the JSON Schema; {@link #valid} is the same rule
 * as a loop, because it runs on every source of every row. A test checks both on the same inputs, and that every URL
 * they accept parses with {@link java.net.URI} to the same host.
 */
public final class Urls {
    private static final String CHARS = "A-Za-z0-9._~:@!$&'()*+,;=\\u00a1-\\uffff-";
    private static final String PATH = "(?:[/" + CHARS + "]|%[0-9A-Fa-f]{2})";
    private static final String QUERY = "(?:[/?" + CHARS + "]|%[0-9A-Fa-f]{2})";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final String TOP = "[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

    /** The JSON Schema form of the rule (anchored). */
    public static final String PATTERN = "^https?://(?:" + LABEL + "\\.)*" + TOP + "\\.?(?::[0-9]{1,5})?"
            + "(?:/" + PATH + "*)?(?:\\?" + QUERY + "*)?(?:#" + QUERY + "*)?$";

    private Urls() {
    }

    public static boolean valid(String v) {
        int i;
        if (v.startsWith("https://")) i = 8;
        else if (v.startsWith("http://")) i = 7;
        else return false;
        int n = v.length();
        i = host(v, i, n);
        if (i < 0) return false;
        if (i < n && v.charAt(i) == ':') {
            int portStart = ++i;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') i++;
            if (i == portStart || i - portStart > 5) return false;
        }
        if (i < n && v.charAt(i) == '/') i = part(v, i + 1, n, false);
        if (i >= 0 && i < n && v.charAt(i) == '?') i = part(v, i + 1, n, true);
        if (i >= 0 && i < n && v.charAt(i) == '#') i = part(v, i + 1, n, true);
        return i == n;
    }

    /** The index after a valid host name, or -1. */
    private static int host(String v, int i, int n) {
        boolean any = false;
        while (true) {
            int start = i;
            while (i < n && (alnum(v.charAt(i)) || v.charAt(i) == '-')) i++;
            int len = i - start;
            if (len == 0) return any && v.charAt(i - 1) == '.' && lastLabelOk(v, i - 1) ? i : -1;
            if (len > 63 || v.charAt(start) == '-' || v.charAt(i - 1) == '-') return -1;
            any = true;
            if (i < n && v.charAt(i) == '.') {
                i++;
                continue;
            }
            return letter(v.charAt(start)) ? i : -1;
        }
    }

    /** For a host ending in a dot: the label before the dot must start with a letter. */
    private static boolean lastLabelOk(String v, int dot) {
        int j = dot - 1;
        while (j >= 0 && v.charAt(j) != '.' && v.charAt(j) != '/') j--;
        return letter(v.charAt(j + 1));
    }

    /** Scans a path (query = false) or a query or fragment; returns the index of the first character it stops at, or -1. */
    private static int part(String v, int i, int n, boolean query) {
        while (i < n) {
            char c = v.charAt(i);
            if (c == '%') {
                if (i + 2 >= n || !hex(v.charAt(i + 1)) || !hex(v.charAt(i + 2))) return -1;
                i += 3;
            } else if (c == '/' || (query && c == '?') || other(c)) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean other(char c) {
        return alnum(c) || c >= '\u00a1' || "._~:@!$&'()*+,;=-".indexOf(c) >= 0;
    }

    private static boolean alnum(char c) {
        return letter(c) || (c >= '0' && c <= '9');
    }

    private static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
