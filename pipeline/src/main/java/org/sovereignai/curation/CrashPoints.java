package org.sovereignai.curation;

/**
 * Named points in the processing of a submission where a test can freeze the JVM and kill it, to prove that a crash
 * at any point loses nothing. Inert unless the system property {@code sai.test.pause-at} names the point.
 */
public final class CrashPoints {
    public static final String PROPERTY = "sai.test.pause-at";
    /** Printed on standard output when paused; the test waits for this line, then kills the process. */
    public static final String MARKER = "SAI-PAUSED ";

    /** The file is hashed; nothing is written yet. */
    public static final String IDENTIFIED = "identified";
    /** The verbatim copy is in the archive; no report, no database row. */
    public static final String ARCHIVED = "archived";
    /** Inside the database transaction, every row inserted, not committed. */
    public static final String IN_TRANSACTION = "in-transaction";
    /** Committed; the archive's submission.json and the inbox file not yet dealt with. */
    public static final String COMMITTED = "committed";

    private CrashPoints() {
    }

    static void reach(String point) {
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
