package org.sovereignai.app;

/**
 * A use case that cannot be done as asked: a message for people (never a stack trace) and whether the data (exit 1)
 * or the request (usage, missing or unreadable files: exit 2) is at fault. Doors turn it into an exit code, an HTTP
 * problem or an inbox report.
 */
public final class Refusal extends RuntimeException {
    public static final int DATA = 1;
    public static final int USAGE_OR_IO = 2;

    private final int exitCode;
    private final boolean missing;

    private Refusal(int exitCode, String message, boolean missing) {
        super(message);
        this.exitCode = exitCode;
        this.missing = missing;
    }

    /** The data does not allow it (exit 1). */
    public static Refusal data(String message) {
        return new Refusal(DATA, message, false);
    }

    /** Wrong usage, or a file that is missing or unreadable (exit 2). */
    public static Refusal usage(String message) {
        return new Refusal(USAGE_OR_IO, message, false);
    }

    /** What was asked for does not exist (a release, a record, a file; HTTP 404, exit 1). */
    public static Refusal missing(String message) {
        return new Refusal(DATA, message, true);
    }

    public boolean missing() {
        return missing;
    }

    public int exitCode() {
        return exitCode;
    }
}
