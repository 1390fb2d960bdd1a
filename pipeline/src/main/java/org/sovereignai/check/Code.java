package org.sovereignai.check;

import java.util.HashMap;
import java.util.Map;

import org.sovereignai.sheet.Position;

/**
 * Every finding code the validator can emit, with its severity and what triggers it. The codes are stable
 * (CI scripts and curators match on them); docs/validation.md lists each one, and a test keeps the two in step.
 */
public enum Code {
    // The file as a whole: it cannot be read, or reading stopped.
    FILE_NOT_FOUND(Severity.ERROR, Scope.FILE, "the file does not exist"),
    FILE_NOT_READABLE(Severity.ERROR, Scope.FILE, "the file exists but cannot be read (a folder, no permission)"),
    SHEET_NOT_FOUND(Severity.ERROR, Scope.FILE, "--sheet names a sheet the workbook does not have"),
    SHEET_OPTION_ON_CSV(Severity.ERROR, Scope.FILE, "--sheet was given for a CSV file"),
    NOT_A_SPREADSHEET(Severity.ERROR, Scope.FILE, "an .xlsx or .ods file that is not a workbook (another file renamed, damaged zip, bad XML, DTD, missing parts)"),
    UNSUPPORTED_FORMAT(Severity.ERROR, Scope.FILE, "an old .xls workbook, or a flat .fods file"),
    XLSX_TOO_LARGE(Severity.ERROR, Scope.FILE, "an XLSX that would expand beyond the size or compression-ratio limits (zip bomb)"),
    ENCODING_NOT_UTF8(Severity.ERROR, Scope.FILE, "a CSV that is not UTF-8 (e.g. Windows-1252); reading stops there"),
    CSV_MALFORMED(Severity.ERROR, Scope.FILE, "a CSV with a stray or unterminated quote; reading stops there"),
    EMPTY_FILE(Severity.ERROR, Scope.FILE, "no header row at all"),
    NO_RECORDS(Severity.ERROR, Scope.FILE, "a header but no project rows"),
    // The header row.
    UNKNOWN_COLUMN(Severity.ERROR, Scope.HEADER, "a header names no field of the contract (with a did-you-mean)"),
    MISSING_COLUMN(Severity.ERROR, Scope.HEADER, "a field required for every layer has no column"),
    UPDATE_SHEET(Severity.ERROR, Scope.HEADER, "an id column but two or more other required columns absent: an update sheet, to be checked with submit --dry-run"),
    DUPLICATE_COLUMN(Severity.ERROR, Scope.HEADER, "two columns have the same header"),
    // The shape of a row.
    VALUE_WITHOUT_HEADER(Severity.ERROR, Scope.ROW, "a cell has a value but its column has no header (a ragged, too-long row)"),
    ROW_TOO_SHORT(Severity.WARNING, Scope.ROW, "a CSV row has fewer cells than the header (the missing cells read as blank)"),
    CELL_TOO_LONG(Severity.ERROR, Scope.ROW, "a cell longer than the reader's cap (100,000 characters); its value is not checked further"),
    FORMULA_CELL(Severity.WARNING, Scope.ROW, "an XLSX cell holds a formula; its last computed value was read"),
    FORMULA_INJECTION(Severity.WARNING, Scope.ROW, "a text value starts with =, +, - or @, which spreadsheets may run as a formula"),
    MOJIBAKE_SUSPECTED(Severity.WARNING, Scope.ROW, "a value that reads as UTF-8 text decoded once as Windows-1252 (JÃ¼lich for Jülich)"),
    CONTROL_CHARACTER(Severity.ERROR, Scope.ROW, "a cell holds a control character other than tab and line breaks (ESC, BEL, NUL, ...)"),
    // One field of one record.
    MISSING_VALUE(Severity.ERROR, Scope.RECORD, "a required field is blank"),
    NOT_FOR_LAYER(Severity.ERROR, Scope.RECORD, "a field of another layer has a value (it must be blank)"),
    INVALID_ID(Severity.ERROR, Scope.RECORD, "an id that is not a lower-case slug"),
    TOO_LONG(Severity.ERROR, Scope.RECORD, "a value longer than the field's maximum length"),
    INVALID_ENUM(Severity.ERROR, Scope.RECORD, "a value outside the field's vocabulary (with a did-you-mean)"),
    INVALID_JURISDICTION(Severity.ERROR, Scope.RECORD, "not an ISO 3166-1 alpha-2 code, EU, or a subdivision of a known code"),
    INVALID_DATE(Severity.ERROR, Scope.RECORD, "not YYYY-Qn, YYYY-MM or YYYY-MM-DD, or an impossible date"),
    INVALID_NUMBER(Severity.ERROR, Scope.RECORD, "not a plain decimal number (no thousands separators, units or exponents)"),
    INVALID_INTEGER(Severity.ERROR, Scope.RECORD, "not a whole number"),
    BELOW_MINIMUM(Severity.ERROR, Scope.RECORD, "a number below the field's minimum"),
    INVALID_URL(Severity.ERROR, Scope.RECORD, "not an absolute http(s) URL with a host"),
    INVALID_BASE_MODEL(Severity.ERROR, Scope.RECORD, "a base model not written as family or family:variant"),
    INVALID_LANGUAGE(Severity.ERROR, Scope.RECORD, "not an ISO 639-1 or 639-3 code (two or three lower-case letters)"),
    PATTERN_MISMATCH(Severity.ERROR, Scope.RECORD, "a value that does not match the field's pattern in fields.csv"),
    // Fields of one record against each other.
    BASE_MODELS_NOT_ALLOWED(Severity.ERROR, Scope.RECORD, "base models given for a build approach without a base (scratch, undisclosed)"),
    BASE_MODELS_MISSING(Severity.ERROR, Scope.RECORD, "no base model given for a build approach on a base (base, both)"),
    LICENSE_NOT_PERMISSIVE(Severity.ERROR, Scope.RECORD, "release status open_permissive with a licence that is not in the permissive list"),
    // Records against each other (reported once the whole sheet is read).
    DUPLICATE_ID(Severity.ERROR, Scope.SET, "an id used by an earlier row"),
    ID_ALIAS_COLLISION(Severity.ERROR, Scope.SET, "an alias equal to another record's id"),
    UNKNOWN_BASE_MODEL(Severity.ERROR, Scope.SET, "a base family that is neither in the families vocabulary nor the id of a record"),
    BASE_MODEL_NOT_MODELS(Severity.ERROR, Scope.SET, "a base naming the id of a record that is not a models record"),
    BASE_MODEL_CYCLE(Severity.ERROR, Scope.SET, "models records that build on each other in a loop");

    /** Which part of the input a code is about; RECORD codes are the ones a JSON Schema of one record can express. */
    public enum Scope { FILE, HEADER, ROW, RECORD, SET }

    private static final Map<String, Code> BY_ID = new HashMap<>();

    static {
        for (Code c : values()) BY_ID.put(c.id, c);
    }

    private final String id;
    private final Severity severity;
    private final Scope scope;
    private final String trigger;

    Code(Severity severity, Scope scope, String trigger) {
        this.id = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        this.severity = severity;
        this.scope = scope;
        this.trigger = trigger;
    }

    /** The kebab-case code as written in findings. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public Scope scope() {
        return scope;
    }

    /** One line on what triggers the code (for docs and {@code --help}). */
    public String trigger() {
        return trigger;
    }

    /** The code written as {@code id}, or null. */
    public static Code of(String id) {
        return BY_ID.get(id);
    }

    /** A finding of this code with its own severity. */
    public Finding at(Position position, String recordId, String value, String message) {
        return new Finding(id, severity, position, recordId, value, message);
    }
}
