package org.sovereignai.sources;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A curator's plain list of URLs ({@code .txt}, UTF-8, one a line). Blank lines and lines starting with {@code #}
 * are skipped; a URL listed twice counts once; lines that are not http(s) URLs are reported with their line number.
 */
public record UrlList(String fileName, List<String> urls, List<Problem> problems) {
    /** Longest list accepted: a submission, not a crawl. */
    public static final int MAX_URLS = 10_000;
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    /** A line that is not a usable URL (or the line where the list was cut off). */
    public record Problem(String file, int line, String text, String why) {
        /** "links.txt, line 3: 'ftp://x' is not an http(s) URL" */
        @Override
        public String toString() {
            return file + ", line " + line + ": " + (text == null ? "" : "'" + text + "' ") + why;
        }
    }

    /** Whether a submitted file's name says it is a URL list ({@code .txt}). */
    public static boolean isUrlList(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    public static UrlList read(Path file) throws IOException {
        return read(file, file.getFileName().toString());
    }

    /** Reads a list stored under another name (an archived copy); {@code name} is what messages and the sheet are named after. */
    public static UrlList read(Path file, String name) throws IOException {
        if (Files.size(file) > MAX_BYTES) throw new IOException(name + " is larger than " + MAX_BYTES + " bytes; split the list");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(name + " is not UTF-8 text; save it as UTF-8");
        }
        Set<String> urls = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\ufeff")) line = line.substring(1).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String why = problem(line);
            if (why != null) {
                problems.add(new Problem(name, i + 1, shorten(line), why));
            } else if (urls.size() < MAX_URLS) {
                urls.add(line);
            } else {
                problems.add(new Problem(name, i + 1, null, "more than " + MAX_URLS + " URLs; the rest were skipped"));
                break;
            }
        }
        return new UrlList(name, List.copyOf(urls), List.copyOf(problems));
    }

    private static String problem(String line) {
        try {
            URI u = new URI(line);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return "is not an http(s) URL";
            if (u.getHost() == null) return "has no host name";
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + ")";
        }
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    /**
     * A comparison key for "is this URL already cited": scheme and host lower-cased, default port, fragment and a
     * trailing slash dropped, {@code www.} ignored.
     */
    public static String key(String url) {
        try {
            URI u = new URI(url.strip()).normalize();
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) host = host.substring(4);
            int port = u.getPort();
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
            String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
            return host + (defaultPort ? "" : ":" + port) + path + query;
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }
}
