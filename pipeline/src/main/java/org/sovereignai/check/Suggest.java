package org.sovereignai.check;

import java.util.Locale;

/**
 * "Did you mean ...?" for near-misses: an unknown column, a misspelt vocabulary value. Only computed when a value is
 * already wrong, so its cost never touches valid rows.
 */
final class Suggest {
    private Suggest() {
    }

    /**
     * The candidate closest to {@code value}, or null when none is close. A candidate equal apart from case, spaces,
     * hyphens or underscores always wins; otherwise the edit distance must be at most 2 (1 for short words).
     */
    static String closest(String value, Iterable<String> candidates) {
        if (value == null || value.isEmpty()) return null;
        String key = fold(value);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            String folded = fold(c);
            if (folded.equals(key)) return c;
            if (Math.abs(folded.length() - key.length()) > 2) continue;
            int d = distance(key, folded);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = key.length() <= 4 ? 1 : 2;
        return bestDistance <= allowed ? best : null;
    }

    /** " Did you mean 'x'?" or the empty string. */
    static String didYouMean(String value, Iterable<String> candidates) {
        String s = closest(value, candidates);
        return s == null ? "" : " Did you mean '" + s + "'?";
    }

    private static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '-' || c == '_') continue;
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance (two rows). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
