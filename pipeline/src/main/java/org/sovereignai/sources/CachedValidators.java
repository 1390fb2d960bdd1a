package org.sovereignai.sources;

/** What the store remembers of the last good fetch, for a conditional GET ({@code If-None-Match}, {@code If-Modified-Since}). */
public record CachedValidators(String finalUrl, String etag, String lastModified) {
    public boolean any() {
        return etag != null || lastModified != null;
    }
}
