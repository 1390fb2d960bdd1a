package org.sovereignai.sources;

import java.util.List;

/**
 * One row of a release's sources.csv: a URL a record cites, and what its latest check found.
 * Every value but id and url is blank (null) until the URL has been checked.
 */
public record SourceRow(String id, String url, Integer status, String finalUrl, String title, String published,
                        String checkedAt, String fingerprint, SourceState state) {

    /** The columns of sources.csv, in order. */
    public static final List<String> HEADER =
            List.of("id", "url", "status", "final_url", "title", "published", "checked_at", "fingerprint", "state");

    public static SourceRow of(CitedUrl cited, SourceCheck check) {
        if (check == null) return new SourceRow(cited.id(), cited.url(), null, null, null, null, null, null, null);
        return new SourceRow(cited.id(), cited.url(), check.status(), check.finalUrl(), check.title(), check.published(),
                check.checkedAt(), check.fingerprint(), check.state());
    }

    /** The cells in {@link #HEADER} order; blanks as empty strings. */
    public List<String> cells() {
        return List.of(id, url, status == null ? "" : status.toString(), nz(finalUrl), nz(title), nz(published),
                nz(checkedAt), nz(fingerprint), state == null ? "" : state.value());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
