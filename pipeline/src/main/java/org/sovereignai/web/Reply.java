package org.sovereignai.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.sovereignai.app.BrowseReleases;

/**
 * What an endpoint answers, before the HTTP rules are applied ({@link ReplyWriter}: conditional requests, ranges,
 * compression, CORS). Either bytes in memory or a published file streamed from disk.
 *
 * @param etag         the strong entity tag without quotes, or null
 * @param cacheControl the Cache-Control value ({@link Caching})
 * @param headers      further headers (Location)
 */
public record Reply(int status, String contentType, byte[] body, BrowseReleases.PublishedFile file, String etag,
                    String cacheControl, Map<String, String> headers) {
    public static final String JSON = "application/json";
    public static final String CSV = "text/csv; charset=utf-8";
    public static final String MARKDOWN = "text/markdown; charset=utf-8";

    public static Reply ok(String contentType, byte[] body, String etag, String cacheControl) {
        return new Reply(200, contentType, body, null, etag, cacheControl, Map.of());
    }

    public static Reply ok(String contentType, String body, String etag, String cacheControl) {
        return ok(contentType, body.getBytes(StandardCharsets.UTF_8), etag, cacheControl);
    }

    public static Reply file(BrowseReleases.PublishedFile file, String contentType) {
        return new Reply(200, contentType, null, file, file.sha256(), Caching.IMMUTABLE, Map.of());
    }

    /** A temporary redirect (307 keeps the method) that nobody caches for long. */
    public static Reply redirect(String location) {
        return new Reply(307, null, new byte[0], null, null, Caching.NO_CACHE, Map.of("Location", location));
    }

    /** After a form's POST: the browser GETs {@code location} (303), so a reload does not post the form again. */
    public static Reply seeOther(String location, Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Location", location);
        return new Reply(303, null, new byte[0], null, null, Caching.NO_STORE, Map.copyOf(all));
    }

    public static Reply problem(Problem p) {
        return new Reply(p.status(), Problem.MEDIA_TYPE, p.json(), null, null, Caching.NO_STORE, Map.of());
    }

    public long length() {
        return file != null ? file.bytes() : body.length;
    }
}
