package org.sovereignai.sheet;

/**
 * A sheet that cannot be read at all (not a spreadsheet, wrong encoding, too large, missing).
 * Carries a stable code and the position, so it becomes a finding rather than a stack trace.
 */
public final class SheetException extends Exception {
    private final String code;
    private final Position position;
    private final boolean io;

    public SheetException(String code, Position position, String message, boolean io) {
        super(message);
        this.code = code;
        this.position = position;
        this.io = io;
    }

    /** Bad content: the data's fault (exit 1). */
    public static SheetException data(String code, Position position, String message) {
        return new SheetException(code, position, message, false);
    }

    /** The file could not be read (exit 2). */
    public static SheetException io(String code, Position position, String message) {
        return new SheetException(code, position, message, true);
    }

    public String code() {
        return code;
    }

    public Position position() {
        return position;
    }

    /** True for I/O and usage problems (missing file, unreadable), false for bad content. */
    public boolean isIo() {
        return io;
    }
}
