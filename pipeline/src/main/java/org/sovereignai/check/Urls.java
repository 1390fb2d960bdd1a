package org.sovereignai.check;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What counts as a source URL: lower-case {@code http://} or {@code https://}, a host name (letters, digits, dots,
 * hyphens), an optional port, then an optional path/query/fragment of URL characters (RFC 3986, plus non-ASCII
 * letters as browsers copy them); no spaces, no user-info. {@link #PATTERN} is the same rule as a regular
 * expression for the JSON Schema; the loop here is the fast form of it, and {@link URI} then confirms the parse
 * (percent escapes, host syntax).
 */
public final class Urls {
    /** The JSON Schema form of the rule (anchored). */
    public static final String PATTERN =
            "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%\\u00a1-\\uffff-]*)?$";

    private Urls() {
    }

    public static boolean valid(String v) {
        int i;
        if (v.startsWith("https://")) i = 8;
        else if (v.startsWith("http://")) i = 7;
        else return false;
        int n = v.length();
        int hostStart = i;
        while (i < n && host(v.charAt(i))) i++;
        if (i == hostStart) return false;
        if (i < n && v.charAt(i) == ':') {
            int portStart = ++i;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') i++;
            if (i == portStart || i - portStart > 5) return false;
        }
        if (i < n) {
            char c = v.charAt(i);
            if (c != '/' && c != '?' && c != '#') return false;
            for (; i < n; i++) if (!rest(v.charAt(i))) return false;
        }
        try {
            return new URI(v).getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean host(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private static boolean rest(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
        if (c >= '\u00a1') return true;
        return "._~:/?#[]@!$&'()*+,;=%-".indexOf(c) >= 0;
    }
}
