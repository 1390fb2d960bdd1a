package org.sovereignai.web.pages;

import java.util.List;
import java.util.Map;

/**
 * What each page shows, as plain values: the templates ({@code src/main/jte}) only lay them out, so every decision
 * (what a delta is, how a list value reads, which link a page's JSON twin is) is made, and tested, in Java.
 */
public final class Views {
    private Views() {
    }

    /** A link: where it goes and what it says. */
    public record Link(String href, String text) {
    }

    /** One figure of a release and how it moved since the previous release ({@code delta} null for the first). */
    public record Figure(String label, String value, String delta) {
    }

    /** One field of one change: the old and new values as text ({@code —} for none) and who proposed and approved it. */
    public record FieldChange(String field, String oldValue, String newValue, String credit) {
    }

    /** One record's change in a release. */
    public record Change(String op, String id, String href, String name, List<FieldChange> fields) {
    }

    /** A file of a release as the manifest lists it. */
    public record Download(String path, String href, String size, String sha256) {
    }

    /** A row of the release list. */
    public record ReleaseRow(String id, String href, String version, String date, String previous,
                             Map<String, Long> counts, Map<String, Long> changes) {
    }

    public record ReleaseList(List<ReleaseRow> releases, String latest) {
    }

    /**
     * The release page: summary, headline figures with deltas, every figure that moved (as the release's CHANGES.md
     * lists them), charts, the change report (first {@code changes}), downloads.
     */
    public record ReleasePage(ReleaseRow release, String schemaVersion, List<Figure> figures,
                              List<org.sovereignai.app.BrowseReleases.FigureChange> moved, List<Link> charts,
                              List<Change> changes, long changesTotal, List<Link> reports, List<Download> downloads,
                              Link browse) {
    }

    /** A field of a record as the project page shows it. */
    public record Field(String name, String value, boolean link) {
    }

    /** A cited source and what the release's source check found. */
    public record Source(String url, String title, String state, String status, String checkedAt, String fingerprint) {
    }

    /** The record in one release: what that release did to it. */
    public record Appearance(String release, String href, String date, String op, List<FieldChange> fields) {
    }

    public record ProjectPage(String release, String releaseHref, String id, String name, List<Field> fields,
                              List<Source> sources, List<Appearance> history) {
    }

    /** One option of a filter's dropdown. */
    public record Option(String value, boolean selected) {
    }

    /** A filter of the search form: its parameter, label and choices (empty for free text). */
    public record Filter(String parameter, String label, String value, List<Option> options) {
    }

    /** One record in the search results. */
    public record Hit(String id, String href, String name, String layer, String jurisdiction, String status, String leadOrg) {
    }

    public record SearchPage(String release, String releaseHref, List<Filter> filters, List<Hit> hits, String next) {
    }

    /** An error page: the same status, title and detail as the API's problem document. */
    public record ErrorPage(int status, String title, String detail) {
    }
}
