package org.sovereignai.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field's pattern from {@code fields.csv}, matched against whole values. The contract's three patterns (slug ids,
 * base models, language codes) run on most rows, so each has an equivalent loop here, chosen by the pattern's exact
 * text; any other pattern runs as a regular expression with one reused {@link Matcher}. A test checks each loop
 * against its regular expression on many values, so the data stays the definition.
 */
abstract class ValuePattern {
    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String BASE_MODEL = "^[a-z0-9]+(-[a-z0-9]+)*(:[A-Za-z0-9._-]+)?$";
    static final String LANGUAGE = "^[a-z]{2,3}$";

    abstract boolean matches(String v);

    static ValuePattern of(Pattern pattern) {
        if (pattern == null) return null;
        return switch (pattern.pattern()) {
            case SLUG -> new ValuePattern() {
                @Override
                boolean matches(String v) {
                    return slugEnd(v, 0) == v.length();
                }
            };
            case BASE_MODEL -> new ValuePattern() {
                @Override
                boolean matches(String v) {
                    int i = slugEnd(v, 0);
                    if (i == v.length()) return true;
                    if (i <= 0 || v.charAt(i) != ':' || i + 1 == v.length()) return false;
                    for (int k = i + 1; k < v.length(); k++) {
                        char c = v.charAt(k);
                        if (!(lowerOrDigit(c) || (c >= 'A' && c <= 'Z') || c == '.' || c == '_' || c == '-')) return false;
                    }
                    return true;
                }
            };
            case LANGUAGE -> new ValuePattern() {
                @Override
                boolean matches(String v) {
                    int n = v.length();
                    if (n < 2 || n > 3) return false;
                    for (int k = 0; k < n; k++) if (v.charAt(k) < 'a' || v.charAt(k) > 'z') return false;
                    return true;
                }
            };
            default -> new ValuePattern() {
                private final Matcher m = pattern.matcher("");

                @Override
                boolean matches(String v) {
                    return m.reset(v).matches();
                }
            };
        };
    }

    /**
     * Where a slug ({@code [a-z0-9]+(-[a-z0-9]+)*}) starting at {@code from} ends: the index of the first character
     * after it, or -1 when there is no slug there (empty, or a hyphen not followed by a slug part).
     */
    static int slugEnd(String v, int from) {
        int n = v.length();
        int i = from;
        boolean part = false;
        while (i < n) {
            char c = v.charAt(i);
            if (lowerOrDigit(c)) {
                part = true;
                i++;
            } else if (c == '-' && part && i + 1 < n && lowerOrDigit(v.charAt(i + 1))) {
                part = false;
                i++;
            } else {
                break;
            }
        }
        return part ? i : -1;
    }

    private static boolean lowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
