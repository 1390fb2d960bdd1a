package org.sovereignai.sheet;

/**
 * A sheet that cannot be read at all (not a spreadsheet, wrong encoding, too large, missing).
 * Carries a stable code and the position, so it becomes a finding rather than a stack trace.
 */
public final class SheetException extends Exception {
    private final String code;
    private final Position position;
    private final boolean io;
    private final String value;

    public SheetException(String code, Position position, String message, boolean io) {
        this(code, position, message, io, null);
    }

    public SheetException(String code, Position position, String message, boolean io, String value) {
        super(message);
        this.code = code;
        this.position = position;
        this.io = io;
        this.value = value;
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

    /** The offending cell text when one is known (shown as read), or null. */
    public String value() {
        return value;
    }

    /** True for I/O and usage problems (missing file, unreadable), false for bad content. */
    public boolean isIo() {
        return io;
    }
}
