package org.sovereignai.sources;

/** The last good fetch of a URL as the store keeps it: the parsed page and the validators for a conditional GET. */
public record StoredPage(String url, String finalUrl, Integer status, PageInfo page, String etag, String lastModified,
                         String checkedAt) {
    public CachedValidators validators() {
        return new CachedValidators(finalUrl, etag, lastModified);
    }
}
