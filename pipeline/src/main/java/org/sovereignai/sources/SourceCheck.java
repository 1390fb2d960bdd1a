package org.sovereignai.sources;

import java.net.URI;
import java.util.Locale;

/**
 * One check of one URL, as stored in the history and reported: the sources.csv values plus the failure, if any.
 * Built from a fetch and the previous stored page, which is how "changed" and "redirected" are decided.
 */
public record SourceCheck(String url, String checkedAt, Integer status, String finalUrl, String contentType, String title,
                          String published, String modified, String fingerprint, String sha256, Long bytes,
                          String failure, String detail, SourceState state) {

    /**
     * The check of a fetched page.
     *
     * @param previous the page as last stored (null on the first check); a 304 answer keeps its values
     */
    public static SourceCheck of(FetchedPage fetched, StoredPage previous, String checkedAt) {
        FetchOutcome o = fetched.outcome();
        if (!o.ok()) {
            Failure f = o.failure();
            SourceState state = f.dead() ? SourceState.DEAD : null;
            return new SourceCheck(o.url(), checkedAt, o.status() == 0 ? null : o.status(), o.finalUrl(), null, null, null, null,
                    null, null, null, f.code(), o.detail(), state);
        }
        PageInfo page = fetched.page();
        if (o.notModified() && previous != null) {
            page = previous.page();
        }
        int status = o.notModified() && previous != null && previous.status() != null ? previous.status() : o.status();
        String finalUrl = o.finalUrl();
        SourceState state;
        if (!sameSite(o.url(), finalUrl)) state = SourceState.REDIRECTED;
        else if (previous != null && previous.page() != null && previous.page().fingerprint() != null && page != null
                && !previous.page().fingerprint().equals(page.fingerprint())) state = SourceState.CHANGED;
        else state = SourceState.OK;
        return new SourceCheck(o.url(), checkedAt, status, finalUrl,
                page == null ? null : page.contentType(), page == null ? null : page.title(),
                page == null ? null : page.published(), page == null ? null : page.modified(),
                page == null ? null : page.fingerprint(), page == null ? null : page.sha256(),
                page == null ? null : page.bytes(), null, null, state);
    }

    /** Same host, ignoring case, a leading {@code www.} and the scheme (http to https is not another site). */
    static boolean sameSite(String a, String b) {
        return site(a).equals(site(b));
    }

    private static String site(String url) {
        try {
            String h = URI.create(url.strip()).getHost();
            if (h == null) return "";
            h = h.toLowerCase(Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
