package org.sovereignai.curation;

/** A request the workflow refuses (no quarter open, unknown change, conflict, ...): a message for people, no stack trace. */
public final class CurationException extends RuntimeException {
    private final boolean dataError;

    private CurationException(String message, boolean dataError) {
        super(message);
        this.dataError = dataError;
    }

    /** The request cannot be done with the data as it is (exit 1). */
    public static CurationException data(String message) {
        return new CurationException(message, true);
    }

    /** Wrong usage or a state that forbids it (exit 2). */
    public static CurationException usage(String message) {
        return new CurationException(message, false);
    }

    public int exitCode() {
        return dataError ? 1 : 2;
    }
}
