package org.sovereignai.io;

/**
 * Named points where a crash test freezes the JVM and kills it, to prove that a crash at any point loses nothing and
 * leaves nothing half-visible. Inert unless the system property {@code sai.test.pause-at} names the point; then the
 * process prints {@link #MARKER} and the point on standard output and waits there until it is killed.
 */
public final class CrashPoints {
    public static final String PROPERTY = "sai.test.pause-at";
    /** Printed on standard output when paused; the test waits for this line, then kills the process. */
    public static final String MARKER = "SAI-PAUSED ";

    // submissions (curation.Submissions)
    /** The file is hashed; nothing is written yet. */
    public static final String IDENTIFIED = "identified";
    /** The verbatim copy is in the archive; no report, no database row. */
    public static final String ARCHIVED = "archived";
    /** Inside the database transaction, every row inserted, not committed. */
    public static final String IN_TRANSACTION = "in-transaction";
    /** Committed; the archive's submission.json and the inbox file not yet dealt with. */
    public static final String COMMITTED = "committed";

    // releases (release.Releases, release.Catalog)
    /** Every record file of the release is written into its temporary folder. */
    public static final String AFTER_RECORD_FILES = "after-record-files";
    /** datapackage.json is written, the manifest not yet. */
    public static final String BEFORE_MANIFEST = "before-manifest";
    /** The temporary folder is complete, not yet renamed into place. */
    public static final String BEFORE_RENAME = "before-rename";
    /** The release folder is in place; index.json and latest not yet rewritten. */
    public static final String AFTER_RENAME = "after-rename";
    /** index.json is rewritten, latest not yet. */
    public static final String AFTER_INDEX = "after-index";

    private CrashPoints() {
    }

    public static void reach(String point) {
        if (!point.equals(System.getProperty(PROPERTY))) return;
        System.out.println(MARKER + point);
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
