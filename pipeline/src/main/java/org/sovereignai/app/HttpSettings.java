package org.sovereignai.app;

import java.util.Properties;

import org.sovereignai.curation.CurationException;

/**
 * Where {@code ./sai serve} listens, from the settings ({@code sai.http.host}, {@code sai.http.port},
 * {@code sai.http.base-url}; environment {@code SAI_HTTP_PORT} and so on, as every setting) unless the command line
 * says otherwise. The base URL is how the server is reached from outside (the feed's absolute links); blank means
 * {@code http://HOST:PORT}. A browser session ends after {@code sai.http.session-idle-minutes} without a request.
 */
public record HttpSettings(String host, int port, String baseUrl, java.time.Duration sessionIdle) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    /** The settings, with the command line's host and port (each null when not given) winning. */
    public static HttpSettings load(String host, Integer port, Properties overrides) {
        Settings s = Settings.reader(overrides);
        String h = host != null ? host : s.get("sai.http.host").orElse(DEFAULT_HOST);
        int p = port != null ? port : parsePort(s.get("sai.http.port").orElse(Integer.toString(DEFAULT_PORT)));
        if (p < 0 || p > 65535) throw CurationException.usage("the port must be from 0 to 65535, not " + p);
        String base = s.get("sai.http.base-url").orElse(null);
        String idle = s.get("sai.http.session-idle-minutes").orElse("30").strip();
        long minutes;
        try {
            minutes = Long.parseLong(idle);
        } catch (NumberFormatException e) {
            minutes = -1;
        }
        if (minutes < 1 || minutes > 24 * 60) {
            throw CurationException.usage("the setting sai.http.session-idle-minutes must be 1 to 1440 minutes, not '" + idle + "'");
        }
        return new HttpSettings(h, p, base, java.time.Duration.ofMinutes(minutes));
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw CurationException.usage("the setting sai.http.port must be a port number, not '" + text + "'");
        }
    }

    /** Whether people reach the server over TLS (a proxy in front): then cookies are sent only over https. */
    public boolean secure() {
        return baseUrl != null && baseUrl.regionMatches(true, 0, "https:", 0, 6);
    }

    /** The public address, once the real port is known (port 0 binds a free one). */
    public String baseUrl(int boundPort) {
        if (baseUrl != null) return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + boundPort;
    }
}
