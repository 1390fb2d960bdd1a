package org.sovereignai.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.sovereignai.io.Hashes;

/**
 * The caching rules of the API. A release never changes once published, so everything pinned to a release id is
 * immutable for a year, with a strong ETag: the manifest's sha256 for a file, and for a computed answer a hash of the
 * release id and the canonical query (same release and question, same bytes). What moves when a release is published
 * (the list, latest, the feed) is cached for a minute at most.
 */
public final class Caching {
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    public static final String SHORT = "public, max-age=60";
    public static final String NO_CACHE = "no-cache";
    public static final String NO_STORE = "no-store";

    private Caching() {
    }

    /** A strong tag for a computed answer: what it is ({@code what}), about which releases, for which query. */
    public static String tag(String what, String releases, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(what).append('\n').append(releases);
        if (query != null) query.forEach((k, v) -> sb.append('\n').append(k).append('=').append(v));
        return Hashes.sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /**
     * Whether an {@code If-None-Match} value names this representation (RFC 9110: weak comparison, so a tag sent
     * back as {@code W/"..."} by a proxy still matches; {@code *} matches anything).
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) return false;
        for (String t : ifNoneMatch.split(",")) {
            String s = t.strip();
            if (s.equals("*")) return true;
            if (s.startsWith("W/")) s = s.substring(2);
            if (s.equals(quote(etag))) return true;
        }
        return false;
    }

    public static String quote(String etag) {
        return '"' + etag + '"';
    }
}
