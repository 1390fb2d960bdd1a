package org.sovereignai.web;

import java.util.Map;
import java.util.TreeMap;

import org.sovereignai.io.Json;

/**
 * An error answer as RFC 9457 defines it ({@code application/problem+json}): the status, a short title for the kind
 * of problem and a detail for people that names what was wrong and what is allowed. Never a stack trace.
 */
public record Problem(int status, String title, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail);
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }

    public static Problem methodNotAllowed(String method) {
        return new Problem(405, "Method Not Allowed", "this API is read-only: " + method + " is not allowed; allowed: GET, HEAD");
    }

    public byte[] json() {
        Map<String, Object> m = new TreeMap<>();
        m.put("type", "about:blank");
        m.put("status", status);
        m.put("title", title);
        if (detail != null) m.put("detail", detail);
        return Json.write(m).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
