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

    private Refusal(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The data does not allow it (exit 1). */
    public static Refusal data(String message) {
        return new Refusal(DATA, message);
    }

    /** Wrong usage, or a file that is missing or unreadable (exit 2). */
    public static Refusal usage(String message) {
        return new Refusal(USAGE_OR_IO, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
