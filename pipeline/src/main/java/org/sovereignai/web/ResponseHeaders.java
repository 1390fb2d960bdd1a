package org.sovereignai.web;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Which message headers become HTTP response headers: exactly the ones {@link ReplyWriter} sets, nothing else (no
 * Camel header, no echo of a request header). Camel's default HTTP strategy drops {@code Cache-Control} on the way
 * out, which an API with immutable releases needs most. Incoming headers are filtered as Camel's default does.
 */
public final class ResponseHeaders implements HeaderFilterStrategy {
    /** The registry name the routes' endpoints refer to ({@code headerFilterStrategy=#...}). */
    public static final String BEAN = "saiResponseHeaders";

    private static final Set<String> SENT = Set.of("access-control-allow-origin", "access-control-expose-headers",
            "access-control-allow-methods", "access-control-allow-headers", "accept-ranges", "allow", "cache-control", "content-disposition",
            "content-encoding", "content-length", "content-range", "content-security-policy", "content-type", "etag", "link", "location",
            "referrer-policy", "retry-after", "set-cookie", "vary", "www-authenticate", "x-content-type-options");

    private final HeaderFilterStrategy incoming = new HttpHeaderFilterStrategy();

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !SENT.contains(headerName.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return incoming.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }
}
