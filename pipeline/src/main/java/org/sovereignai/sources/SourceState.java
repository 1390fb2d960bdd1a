package org.sovereignai.sources;

/** The {@code state} column of sources.csv. A URL not checked (refused, disallowed by robots.txt) has no state. */
public enum SourceState {
    /** Answered 2xx (or 304) on the same site, with the same main text as last time (or first seen). */
    OK("ok"),
    /** Ended on another site (host differs, ignoring a leading {@code www.}). */
    REDIRECTED("redirected"),
    /** 4xx or 5xx after retries, DNS failure, no connection, timeout, or redirects that never end. */
    DEAD("dead"),
    /** Same site, but the main-text fingerprint differs from the previous check's. */
    CHANGED("changed");

    private final String value;

    SourceState(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static SourceState of(String value) {
        for (SourceState s : values()) if (s.value.equals(value)) return s;
        return null;
    }
}
