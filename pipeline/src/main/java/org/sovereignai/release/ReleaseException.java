package org.sovereignai.release;

import org.sovereignai.check.Report;

/**
 * A release refused or failed, with a message for people and the exit code the CLI returns: 1 for bad data or a
 * state of the snapshots folder that forbids the release, 2 for usage and I/O problems. Nothing was written.
 */
public final class ReleaseException extends Exception {
    private final int exitCode;
    private final transient Report report;

    public ReleaseException(int exitCode, String message) {
        this(exitCode, message, null, null);
    }

    public ReleaseException(int exitCode, String message, Report report, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.report = report;
    }

    public static ReleaseException data(String message) {
        return new ReleaseException(1, message);
    }

    public static ReleaseException usage(String message) {
        return new ReleaseException(2, message);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The validation report when the sheet had errors, else null. */
    public Report report() {
        return report;
    }
}
