package org.sovereignai.app;

import java.util.Properties;

import org.sovereignai.curation.CurationException;

/**
 * Where {@code ./sai serve} listens, from the settings ({@code sai.http.host}, {@code sai.http.port},
 * {@code sai.http.base-url}; environment {@code SAI_HTTP_PORT} and so on, as every setting) unless the command line
 * says otherwise. The base URL is how the server is reached from outside (the feed's absolute links); blank means
 * {@code http://HOST:PORT}.
 */
public record HttpSettings(String host, int port, String baseUrl) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    /** The settings, with the command line's host and port (each null when not given) winning. */
    public static HttpSettings load(String host, Integer port, Properties overrides) {
        Settings s = Settings.reader(overrides);
        String h = host != null ? host : s.get("sai.http.host").orElse(DEFAULT_HOST);
        int p = port != null ? port : parsePort(s.get("sai.http.port").orElse(Integer.toString(DEFAULT_PORT)));
        if (p < 0 || p > 65535) throw CurationException.usage("the port must be from 0 to 65535, not " + p);
        String base = s.get("sai.http.base-url").orElse(null);
        return new HttpSettings(h, p, base);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw CurationException.usage("the setting sai.http.port must be a port number, not '" + text + "'");
        }
    }

    /** The public address, once the real port is known (port 0 binds a free one). */
    public String baseUrl(int boundPort) {
        if (baseUrl != null) return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + boundPort;
    }
}
