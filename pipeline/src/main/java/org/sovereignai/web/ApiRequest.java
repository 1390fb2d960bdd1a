package org.sovereignai.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.sovereignai.app.Refusal;

/**
 * One request as the endpoints read it: path parameters (which the REST DSL puts in headers), the query parsed from
 * the raw query string (not from headers, where a query parameter could pose as an HTTP header or the reverse), and
 * the raw path. Every endpoint names the query parameters it takes; any other one is a 400 that lists them.
 */
public final class ApiRequest {
    /** Longer query strings are no request of this API. */
    static final int MAX_QUERY = 2048;

    private final Message message;
    private final Map<String, String> query;

    private ApiRequest(Message message, Map<String, String> query) {
        this.message = message;
        this.query = query;
    }

    public static ApiRequest of(Exchange exchange) {
        Message m = exchange.getMessage();
        return new ApiRequest(m, parse(m.getHeader(Exchange.HTTP_RAW_QUERY, String.class)));
    }

    /** A path parameter; the router only matches non-empty segments. */
    public String path(String name) {
        return message.getHeader(name, String.class);
    }

    /** The request path as sent, before any decoding (so {@code %2F} and {@code ..} can be refused). */
    public String rawPath() {
        String uri = message.getHeader(Exchange.HTTP_URI, String.class);
        if (uri == null) uri = message.getHeader(Exchange.HTTP_PATH, String.class);
        if (uri == null) return "";
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    /** The request body as UTF-8 text ("" when there is none); the server's body limit bounds its size. */
    public String body() {
        String b = message.getBody(String.class);
        return b == null ? "" : b;
    }

    /**
     * A file sent as multipart/form-data field {@code field}, as Vert.x's body handler stored it (a temporary file with
     * a generated name; the name the client sent is only data), or null when the request has no such part.
     */
    public Upload upload(String field) {
        org.apache.camel.attachment.AttachmentMessage am = message.getExchange().getMessage(org.apache.camel.attachment.AttachmentMessage.class);
        if (am == null || !am.hasAttachments()) return null;
        jakarta.activation.DataHandler h = am.getAttachment(field);
        if (h == null || !(h.getDataSource() instanceof org.apache.camel.attachment.CamelFileDataSource f)) return null;
        return new Upload(f.getFile().toPath(), f.getName());
    }

    /** An uploaded file: where the server stored it, and the name the client gave (untrusted, for display only). */
    public record Upload(java.nio.file.Path file, String clientName) {
    }

    public String header(String name) {
        return message.getHeader(name, String.class);
    }

    /**
     * The address of the peer that sent the request (the proxy's, behind one), for counting failed sign-ins;
     * "unknown" when the server does not say.
     */
    public String remoteAddress() {
        Object a = message.getHeader("CamelVertxPlatformHttpRemoteAddress");
        if (a instanceof io.vertx.core.net.SocketAddress s && s.hostAddress() != null) return s.hostAddress();
        return "unknown";
    }

    /** The request method, upper case. */
    public String method() {
        String m = message.getHeader(Exchange.HTTP_METHOD, String.class);
        return m == null ? "GET" : m.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A field of a submitted form. The server's body handler parses both kinds of form: an
     * {@code application/x-www-form-urlencoded} body becomes a map of its fields, and the fields of a
     * {@code multipart/form-data} one (beside its files) become message headers. Null when absent.
     *
     * @throws Refusal (usage) for a field given twice
     */
    public String form(String name) {
        Object v = message.getBody() instanceof Map<?, ?> fields ? fields.get(name) : message.getHeader(name);
        if (v instanceof java.util.Collection<?>) throw Refusal.usage("the form field '" + name + "' is given twice; give it once");
        return v == null ? null : v.toString();
    }

    /**
     * The query, after checking that it holds only {@code allowed} parameters, each once.
     *
     * @throws Refusal (usage) naming the unknown parameter and the allowed ones
     */
    public Map<String, String> query(Set<String> allowed) {
        for (String k : query.keySet()) {
            if (!allowed.contains(k)) {
                throw Refusal.usage("parameter '" + k + "' is not known here; allowed: "
                        + (allowed.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(allowed))));
            }
        }
        return query;
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        if (raw.length() > MAX_QUERY) throw Refusal.usage("the query string is longer than " + MAX_QUERY + " characters");
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            if (out.put(k, v) != null) throw Refusal.usage("parameter '" + k + "' is given twice; give it once");
        }
        return out;
    }

    /**
     * Percent-decoding as UTF-8 ({@code +} is a space in a query, a plus in a path).
     *
     * @throws Refusal (usage) for a malformed escape
     */
    static String decode(String s, boolean query) {
        if (s.indexOf('%') < 0 && (!query || s.indexOf('+') < 0)) return s;
        ByteArrayOutputStream buf = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) throw Refusal.usage("malformed percent-escape in '" + s + "'");
                buf.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && query) {
                buf.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                buf.write(b, 0, b.length);
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
