package org.sovereignai.sources;

/** Why a fetch produced no page. The code is stable: it is stored and shown in reports. */
public enum Failure {
    BAD_URL("bad-url", false),
    REFUSED_SCHEME("refused-scheme", false),
    REFUSED_ADDRESS("refused-address", false),
    ROBOTS("robots-disallowed", false),
    DNS("dns", true),
    CONNECTION("connection", true),
    TIMEOUT("timeout", true),
    HTTP_ERROR("http-error", true),
    /** 429: the site asks us to slow down; says nothing about whether the page exists. */
    RATE_LIMITED("rate-limited", false),
    TOO_MANY_REDIRECTS("too-many-redirects", true),
    REDIRECT_LOOP("redirect-loop", true),
    TOO_LARGE("too-large", false),
    IO("io", true);

    private final String code;
    private final boolean dead;

    Failure(String code, boolean dead) {
        this.code = code;
        this.dead = dead;
    }

    public String code() {
        return code;
    }

    /** Whether the source counts as dead: a reader following the link would not get the page. */
    public boolean dead() {
        return dead;
    }

    public static Failure ofCode(String code) {
        for (Failure f : values()) if (f.code.equals(code)) return f;
        return null;
    }
}
