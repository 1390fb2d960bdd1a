package org.sovereignai.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a fetched body with jsoup: title, canonical link, description, language, published and modified dates
 * (meta tags, JSON-LD, {@code <time>}), the main-text {@link Fingerprint}. Non-HTML bodies (PDFs, images, ...) get
 * their type, size and a hash of the bytes. Parsing never runs scripts and never fails: malformed HTML is read
 * the way a browser would repair it.
 *
 * <p>Charset: the Content-Type header wins; without one, jsoup reads a BOM or {@code <meta charset>}; when that
 * still leaves bytes that are not valid UTF-8, the page is read as windows-1252 (what browsers assume for legacy pages).
 */
public final class PageParser {
    /** Evidence text kept per page; enough for any article, bounded for the database. */
    public static final int MAX_TEXT_CHARS = 100_000;

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4}-\\d{2}(?:-\\d{2})?)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final String[] PUBLISHED_META = {
        "meta[property=article:published_time]", "meta[name=article:published_time]", "meta[property=og:published_time]",
        "meta[name=citation_publication_date]", "meta[name=dc.date.issued]", "meta[name=dcterms.issued]",
        "meta[name=dc.date]", "meta[name=date]", "meta[name=pubdate]", "meta[itemprop=datePublished]",
    };
    private static final String[] MODIFIED_META = {
        "meta[property=article:modified_time]", "meta[name=article:modified_time]", "meta[property=og:updated_time]",
        "meta[name=dcterms.modified]", "meta[name=last-modified]", "meta[itemprop=dateModified]",
    };

    private PageParser() {
    }

    public static PageInfo parse(byte[] body, String contentTypeHeader, String url) {
        String mime = mime(contentTypeHeader);
        String sha = Hashes.sha256(body);
        if (!isHtml(mime, body)) {
            return new PageInfo(mime, null, null, null, null, null, null, null, sha, sha, body.length, null);
        }
        Charset declared = declaredCharset(contentTypeHeader);
        Document doc = read(body, declared, url);
        if (declared == null && doc.charset().equals(StandardCharsets.UTF_8) && !validUtf8(body)) {
            doc = read(body, WINDOWS_1252, url);
        } else if (singleByte(doc.charset()) && hasMultiByteUtf8(body) && validUtf8(body)) {
            // a page declared Latin-1 or windows-1252 whose non-ASCII bytes all form valid UTF-8 sequences is UTF-8
            // mislabelled (the chance of Latin-1 text doing that by accident is negligible): read as declared, it
            // would be stored as mojibake ("JÃ¼lich") and no mention of "Jülich" would ever be found in it
            doc = read(body, StandardCharsets.UTF_8, url);
        }
        String title = blankToNull(doc.title());
        String description = firstContent(doc, "meta[name=description]", "meta[property=og:description]");
        Element canonicalLink = doc.selectFirst("link[rel=canonical][href]");
        String canonical = canonicalLink == null ? null : blankToNull(canonicalLink.absUrl("href"));
        String language = language(doc);
        JsonLdDates ld = jsonLdDates(doc);
        String published = date(firstNonNull(firstContent(doc, PUBLISHED_META), ld.published, timeElement(doc)));
        String modified = date(firstNonNull(firstContent(doc, MODIFIED_META), ld.modified));
        return new PageInfo(mime == null ? "text/html" : mime, doc.charset().name(), title, canonical, description, language,
                published, modified, Fingerprint.of(doc), sha, body.length, evidenceText(doc, title, description));
    }

    private static Document read(byte[] body, Charset charset, String url) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset == null ? null : charset.name(), url);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes from memory cannot fail", e);
        }
    }

    static String mime(String contentType) {
        if (contentType == null || contentType.isBlank()) return null;
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isHtml(String mime, byte[] body) {
        if (mime != null) return mime.equals("text/html") || mime.equals("application/xhtml+xml");
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("\ufeff") || head.contains("<head");
    }

    private static boolean singleByte(Charset c) {
        return c.equals(StandardCharsets.ISO_8859_1) || c.equals(WINDOWS_1252) || c.equals(StandardCharsets.US_ASCII);
    }

    private static boolean hasMultiByteUtf8(byte[] body) {
        for (byte b : body) if ((b & 0xC0) == 0xC0) return true;
        return false;
    }

    private static Charset declaredCharset(String contentType) {
        if (contentType == null) return null;
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) return null;
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String language(Document doc) {
        Element html = doc.selectFirst("html[lang]");
        String lang = html == null ? null : blankToNull(html.attr("lang"));
        if (lang == null) lang = firstContent(doc, "meta[http-equiv=content-language]", "meta[property=og:locale]");
        return lang == null ? null : lang.replace('_', '-');
    }

    private static String firstContent(Document doc, String... selectors) {
        for (String s : selectors) {
            Element e = doc.selectFirst(s);
            if (e != null && !e.attr("content").isBlank()) return e.attr("content").strip();
        }
        return null;
    }

    private static String timeElement(Document doc) {
        Element t = doc.selectFirst("time[pubdate][datetime], article time[datetime], time[datetime]");
        return t == null ? null : blankToNull(t.attr("datetime"));
    }

    private record JsonLdDates(String published, String modified) {
    }

    private static JsonLdDates jsonLdDates(Document doc) {
        String published = null;
        String modified = null;
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode root = Json.mapper().readTree(script.data());
                if (published == null) published = findText(root, "datePublished", 0);
                if (modified == null) modified = findText(root, "dateModified", 0);
            } catch (IOException | RuntimeException e) {
                // broken JSON-LD is common; the page still has its other metadata
            }
        }
        return new JsonLdDates(published, modified);
    }

    private static String findText(JsonNode node, String field, int depth) {
        if (node == null || depth > 8) return null;
        if (node.isObject()) {
            JsonNode v = node.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) return v.asText().strip();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                String found = findText(it.next(), field, depth + 1);
                if (found != null) return found;
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                String found = findText(child, field, depth + 1);
                if (found != null) return found;
            }
        }
        return null;
    }

    /** ISO dates (and date-times) shortened to YYYY-MM-DD or YYYY-MM; anything else kept as written, capped. */
    static String date(String raw) {
        if (raw == null) return null;
        Matcher m = ISO_DATE.matcher(raw.strip());
        if (m.find()) return m.group(1);
        String s = raw.strip();
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static String evidenceText(Document doc, String title, String description) {
        Document copy = doc.clone();
        copy.select("script, style, noscript, template").remove();
        StringBuilder sb = new StringBuilder();
        if (title != null) sb.append(title).append('\n');
        if (description != null) sb.append(description).append('\n');
        if (copy.body() != null) sb.append(copy.body().text());
        return sb.length() > MAX_TEXT_CHARS ? sb.substring(0, MAX_TEXT_CHARS) : sb.toString();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
