package org.sovereignai.check;

import org.sovereignai.sheet.Position;

/**
 * One problem found in a sheet, in the curator's coordinates.
 *
 * @param code     stable kebab-case code, e.g. {@code unknown-column}; documented in docs/validation.md
 * @param recordId the row's id when known
 * @param value    the offending cell text (shortened when long), or null
 * @param message  plain language: what is wrong and what is allowed
 */
public record Finding(String code, Severity severity, Position position, String recordId, String value, String message) {

    /** Longest value echoed back in a finding; a 10 MB cell is not repeated in the report. */
    public static final int MAX_VALUE_CHARS = 200;

    public Finding {
        if (value != null && value.length() > MAX_VALUE_CHARS) {
            value = value.substring(0, MAX_VALUE_CHARS) + "… (" + value.length() + " characters)";
        }
    }

    public static Finding error(String code, Position position, String recordId, String value, String message) {
        return new Finding(code, Severity.ERROR, position, recordId, value, message);
    }

    public static Finding warning(String code, Position position, String recordId, String value, String message) {
        return new Finding(code, Severity.WARNING, position, recordId, value, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
