package org.sovereignai.sheet;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;

/**
 * A curator sheet opened for streaming: the header, then rows one by one. CSV and XLSX behave the same.
 * Reading never modifies the file.
 */
public interface Sheet extends Closeable {

    /** The file name as the curator knows it (never a path from elsewhere). */
    String fileName();

    /** The sheet name for XLSX, null for CSV. */
    String sheetName();

    /** Header cells in column order, as written. */
    List<String> header();

    /**
     * How the file was read, when that is not the default a curator would assume (UTF-8, comma-separated): e.g. "read
     * as UTF-16 little-endian (from its byte-order mark) text with cells separated by tabs"; null otherwise.
     */
    default String readingNote() {
        return null;
    }

    /** The row number of the header (1 unless blank rows come first). */
    default int headerRow() {
        return 1;
    }

    /** Where the rows start in the file ({@link Lines#SAME} unless a CSV cell holds line breaks); filled while reading. */
    default Lines lines() {
        return Lines.SAME;
    }

    /** The next data row, or null at the end. Blank rows are skipped. */
    Row next() throws SheetException;

    /** Findings the reader itself noticed (e.g. formula cells), drained by the caller. */
    default List<ReaderNote> drainNotes() {
        return List.of();
    }

    /** The position of the whole sheet, for messages. */
    default Position position() {
        return new Position(fileName(), sheetName(), null, null, null);
    }

    @Override
    void close();

    /** Opens a CSV or XLSX file by its content type (by extension, then checked against the bytes). */
    static Sheet open(Path path, String sheetName) throws SheetException {
        return Sheets.open(path, sheetName, Sheets.Limits.DEFAULT);
    }

    /**
     * Something the reader noticed about a cell that is not fatal (formula cell, etc.).
     *
     * @param code stable finding code
     */
    record ReaderNote(String code, Position position, String value, String message) {
    }
}
