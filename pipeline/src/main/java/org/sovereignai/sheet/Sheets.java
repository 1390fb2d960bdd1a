package org.sovereignai.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Opens sheets: picks the reader (CSV, XLSX, ODS) by the file's bytes, not by trusting its name alone. */
public final class Sheets {
    private Sheets() {
    }

    /**
     * Caps on what a sheet may hold, so that one hostile file cannot exhaust memory.
     *
     * @param maxCellChars     longest cell accepted
     * @param maxUnzippedBytes total uncompressed size of an XLSX's parts
     * @param maxZipRatio      uncompressed/compressed ratio above which an XLSX is treated as a zip bomb
     */
    public record Limits(int maxCellChars, long maxUnzippedBytes, int maxZipRatio) {
        public static final Limits DEFAULT = new Limits(100_000, 1L << 30, 200);
    }

    public static Sheet open(Path path, String sheetName, Limits limits) throws SheetException {
        return open(path, null, sheetName, limits);
    }

    /**
     * Opens a sheet whose findings name it {@code displayName} (e.g. the path as the user typed it, for CI
     * annotations); null means the file name. The reader is chosen by the file's first bytes.
     */
    public static Sheet open(Path path, String displayName, String sheetName, Limits limits) throws SheetException {
        String fileName = displayName != null ? displayName
                : path.getFileName() == null ? path.toString() : path.getFileName().toString();
        Position where = Position.ofFile(fileName);
        if (Files.isDirectory(path)) {
            throw SheetException.io("file-not-readable", where, "'" + fileName + "' is a folder, not a sheet file");
        }
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, 4);
        } catch (NoSuchFileException e) {
            throw SheetException.io("file-not-found", where, "no such file: " + path);
        } catch (IOException e) {
            throw SheetException.io("file-not-readable", where, "cannot read " + path + ": " + e.getMessage());
        }
        boolean zip = n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        String lower = (path.getFileName() == null ? fileName : path.getFileName().toString()).toLowerCase(Locale.ROOT);
        boolean xlsxName = lower.endsWith(".xlsx") || lower.endsWith(".xlsm");
        if (lower.endsWith(".ods") && !zip) {
            throw SheetException.data("not-a-spreadsheet", where,
                    "'" + fileName + "' is named like an OpenDocument spreadsheet but is not one (an .ods file is a zip archive). "
                            + "Save it from LibreOffice as .ods or .xlsx, or export it as CSV (UTF-8).");
        }
        if (lower.endsWith(".fods")) {
            throw SheetException.data("unsupported-format", where, "'" + fileName + "' is a flat OpenDocument (.fods) file;"
                    + " save it from LibreOffice as .ods or .xlsx, or export it as CSV (UTF-8)");
        }
        if (xlsxName && !zip) {
            throw SheetException.data("not-a-spreadsheet", where,
                    "'" + fileName + "' is named like an Excel workbook but is not one (an .xlsx file is a zip archive). "
                            + "Save it from Excel as .xlsx, or export it as CSV (UTF-8).");
        }
        if (zip) {
            // A workbook saved without its extension is still a workbook: the bytes decide.
            if (OdsSheet.isOds(path)) return OdsSheet.open(path, fileName, sheetName, limits);
            return XlsxSheet.open(path, fileName, sheetName, limits);
        }
        if (lower.endsWith(".xls")) {
            throw SheetException.data("unsupported-format", where,
                    "'" + fileName + "' is an old Excel 97-2003 workbook; save it as .xlsx or CSV (UTF-8)");
        }
        if (sheetName != null) {
            throw SheetException.io("sheet-option-on-csv", where, "--sheet applies to XLSX and ODS workbooks; '" + fileName + "' is CSV");
        }
        return CsvSheet.open(path, fileName, limits);
    }
}
