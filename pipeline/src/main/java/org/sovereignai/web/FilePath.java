package org.sovereignai.web;

import java.util.Locale;

import org.sovereignai.app.Refusal;

/**
 * The path of a published file as a request names it. Checked in its raw form, before anything decodes it: encoded
 * slashes, backslashes or dots, dot segments, empty segments and absolute forms are refused (404, like any file the
 * manifest does not list), so the only paths that reach the use case are plain relative ones like
 * {@code charts/adoption-by-quarter.svg}, which it then matches exactly against the manifest.
 */
final class FilePath {
    /** No published file has a longer path. */
    static final int MAX = 256;

    private FilePath() {
    }

    /** The file path in {@code rawPath} after {@code prefix}, or a missing-file refusal for any suspicious form. */
    static String after(String rawPath, String prefix) {
        if (!rawPath.startsWith(prefix)) throw notPublished(rawPath);
        String raw = rawPath.substring(prefix.length());
        String lower = raw.toLowerCase(Locale.ROOT);
        if (raw.isEmpty() || raw.length() > MAX || raw.startsWith("/") || raw.contains("//") || raw.contains("\\")
                || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%00")) {
            throw notPublished(raw);
        }
        String path = ApiRequest.decode(raw, false);
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains(":")) throw notPublished(raw);
        }
        return path;
    }

    static String mediaType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".json")) return Reply.JSON;
        if (p.endsWith(".csv")) return Reply.CSV;
        if (p.endsWith(".md")) return Reply.MARKDOWN;
        if (p.endsWith(".svg")) return "image/svg+xml";
        return "application/octet-stream";
    }

    private static Refusal notPublished(String raw) {
        return Refusal.missing("no published file '" + raw + "': only the files the release's manifest lists are served");
    }
}
