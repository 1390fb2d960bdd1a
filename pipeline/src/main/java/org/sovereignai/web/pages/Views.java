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

    // ---- the curation pages (issue 14): what a signed-in curator, reviewer or admin sees

    /** Who is signed in, which pages their role opens, and the session's CSRF token for every form. */
    public record Nav(String account, String role, boolean reviewer, boolean admin, String csrf) {
    }

    /** The sign-in form: a message after a failed try, the name typed, the form's CSRF token. */
    public record SignInPage(String message, String name, String csrf) {
    }

    /** The open quarter as the pages show it. */
    public record Quarter(String name, String baseRelease, long draftRecords, int submissions, long pending, long approved,
                          long rejected) {
    }

    /** One proposed change: what it does, where it came from, and its decision. */
    public record ChangeRow(String id, String submission, String recordId, String kind, String field, String oldValue,
                            String newValue, String curator, String where, String state, String decidedBy, String reason) {
    }

    /** One of my submissions with its changes and their decisions. */
    public record SubmissionRow(String id, String file, String receivedAt, String outcome, long errors, long warnings,
                                String door, List<ChangeRow> changes) {
    }

    public record CuratorPage(Nav nav, Quarter quarter, List<SubmissionRow> mine) {
    }

    /** A finding in the curator's coordinates: where ({@code Sheet1!C4}), error or warning, its code and message. */
    public record FindingView(String where, String level, String code, String message) {
    }

    /** One cell of the uploaded sheet as the grid shows it: {@code level} error, warning or null. */
    public record GridCell(String ref, String value, String level, String title) {
    }

    /** One row of the grid: its number in the sheet, its cells, and the findings of that row. */
    public record GridRow(int number, List<GridCell> cells, List<FindingView> findings) {
    }

    /**
     * The answer to an upload: the outcome, the sheet as a grid with the bad cells marked and each finding beside
     * its row, findings without a cell, and the changes it proposes (or would, for a check).
     */
    public record UploadPage(Nav nav, String file, boolean checkOnly, String outcome, String message, String submission,
                             List<String> header, List<GridRow> rows, int rowsNotShown, List<FindingView> otherFindings,
                             List<ChangeRow> changes, long errors, long warnings) {
    }

    /** A cited source beside a change: what its stored check found and whether it mentions the new value. */
    public record EvidenceView(String url, String title, String state, String mentions) {
    }

    /** A pending change in the queue, with its rivals (labels) and its evidence. */
    public record ReviewItem(ChangeRow change, List<String> rivals, List<EvidenceView> evidence) {
    }

    /** The queue for one record: all its pending changes together, so rivals sit side by side. */
    public record RecordGroup(String recordId, boolean conflicted, List<ReviewItem> items, List<String> submissions) {
    }

    /** A submission with changes still pending: decided all at once unless one of them is in conflict. */
    public record SubmissionBatch(String id, String curator, int pending, boolean conflicted) {
    }

    /** The review queue: {@code groups} are the first records of {@code records} waiting (oldest change first). */
    public record ReviewPage(Nav nav, String quarter, List<RecordGroup> groups, long pending, int records,
                             List<SubmissionBatch> submissions) {
    }

    /** What releasing the open quarter would publish ({@code refusal} set when a gate refuses it). */
    public record PreviewView(String version, String changes, String stats, String refusal, int approvedChanges,
                              List<String> curators, List<String> pending) {
    }

    /** An account as the admin page lists it. */
    public record AccountRow(String name, String role, boolean disabled, String createdAt) {
    }

    /** The admin page: the open quarter (or the next one to open), the release preview, the accounts. */
    public record AdminPage(Nav nav, Quarter quarter, String nextQuarter, PreviewView preview, List<AccountRow> accounts,
                            String published) {
    }
}
