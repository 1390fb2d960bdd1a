package org.sovereignai.sheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

/** One worksheet of an XLSX workbook, streamed with fastexcel-reader (which never resolves external entities). */
final class XlsxSheet implements Sheet {
    private final String fileName;
    private final String sheetName;
    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> stream;
    private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
    private List<String> header;
    private int headerRow = 1;
    /** The last row number read: rows without an {@code r} reference follow the row before (ECMA-376 18.3.1.73). */
    private int lastRow;
    private final List<ReaderNote> notes = new ArrayList<>();

    private XlsxSheet(String fileName, ReadableWorkbook workbook, org.dhatim.fastexcel.reader.Sheet sheet) throws SheetException {
        this.fileName = fileName;
        this.sheetName = sheet.getName();
        this.workbook = workbook;
        try {
            this.stream = sheet.openStream();
        } catch (IOException e) {
            throw SheetException.data("not-a-spreadsheet", Position.ofFile(fileName), "cannot read sheet " + sheetName + ": " + e.getMessage());
        }
        this.rows = stream.iterator();
        Row first = null;
        while (first == null) {
            Row r = nextRow();
            if (r == null) break;
            first = r;
        }
        List<String> h = new ArrayList<>();
        if (first != null) {
            for (String c : first.cells()) h.add(c == null ? "" : c);
            headerRow = first.number();
        }
        this.header = h;
        notes.clear(); // notes about the header row are not about data
    }

    static Sheet open(Path path, String fileName, String sheetName, Sheets.Limits limits) throws SheetException {
        Position where = Position.ofFile(fileName);
        guardAgainstZipBomb(path, where, limits);
        ReadableWorkbook wb = null;
        try {
            wb = new ReadableWorkbook(path.toFile(), new ReadingOptions(XlsxParts.hasStyles(path), false));
            org.dhatim.fastexcel.reader.Sheet sheet;
            if (sheetName == null) {
                sheet = wb.getFirstSheet();
            } else {
                List<String> names = new ArrayList<>();
                wb.getSheets().forEach(s -> names.add(s.getName()));
                sheet = wb.findSheet(sheetName).orElse(null);
                if (sheet == null) {
                    wb.close();
                    throw SheetException.io("sheet-not-found", where, "'" + fileName + "' has no sheet named '" + sheetName
                            + "'; its sheets are: " + String.join(", ", names));
                }
            }
            return new XlsxSheet(fileName, wb, sheet);
        } catch (SheetException e) {
            closeQuietly(wb);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(wb);
            throw SheetException.data("not-a-spreadsheet", where, "'" + fileName + "' is not a readable XLSX workbook ("
                    + reason(e) + "). Save it again from Excel as .xlsx, or export it as CSV (UTF-8).");
        }
    }

    /**
     * Declared sizes and compression ratios are checked before any part is inflated; then every part is inflated once,
     * counting, to confirm it is no larger than declared (a zip archive can lie about sizes, and the reader would
     * otherwise inflate whatever the data holds). Nothing is kept: this costs one pass over the workbook's bytes.
     */
    static void guardAgainstZipBomb(Path path, Position where, Sheets.Limits limits) throws SheetException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            long total = 0;
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                entries.add(entry);
                long size = entry.getSize();
                long packed = entry.getCompressedSize();
                total += Math.max(size, 0);
                if (size < 0 || total > limits.maxUnzippedBytes()
                        || (packed > 0 && size / packed > limits.maxZipRatio() && size > (1 << 20))) {
                    throw tooLarge(where, limits);
                }
            }
            byte[] buffer = new byte[1 << 16];
            for (ZipEntry entry : entries) {
                long count = 0;
                try (java.io.InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        count += n;
                        if (count > entry.getSize()) throw tooLarge(where, limits);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw SheetException.data("not-a-spreadsheet", where, "'" + where.file()
                    + "' is not a readable XLSX workbook (a damaged zip archive). Save it again from Excel as .xlsx, or export it as CSV (UTF-8).");
        }
    }

    private static SheetException tooLarge(Position where, Sheets.Limits limits) {
        return SheetException.data("xlsx-too-large", where, "'" + where.file()
                + "' expands to far more data than a curator sheet holds (a 'zip bomb'), or its archive misstates its sizes;"
                + " it was not opened. Limit: " + (limits.maxUnzippedBytes() >> 20) + " MiB uncompressed, compression ratio "
                + limits.maxZipRatio() + ":1.");
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String sheetName() {
        return sheetName;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public int headerRow() {
        return headerRow;
    }

    /** The note on a formula cell (XLSX and ODS): the formula as written, with its '=', and the value read. */
    static ReaderNote formulaNote(Position at, String formula, String value) {
        return new ReaderNote("formula-cell", at, formula, "the cell holds a formula (" + formula + "); its last computed value '"
                + (value == null ? "" : value) + "' was read. Type the value itself so the index does not depend on a calculation.");
    }

    /**
     * The innermost cause's message: fastexcel (and SODS) wrap XML errors several times. Entities and DTDs are named
     * as such.
     */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replaceAll("\\s+", " ").strip();
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("entity") || lower.contains("dtd") || lower.contains("doctype")) {
            return "its XML declares a DTD or entities, which workbooks saved by Excel never do; for safety they are"
                    + " never resolved and the file is not read";
        }
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    @Override
    public Row next() throws SheetException {
        return nextRow();
    }

    private Row nextRow() throws SheetException {
        try {
            while (rows.hasNext()) {
                org.dhatim.fastexcel.reader.Row r = rows.next();
                // fastexcel numbers a row without 'r' from 0 and does not follow the rows before: row numbers only rise
                int number = r.getRowNum() > lastRow ? r.getRowNum() : lastRow + 1;
                lastRow = number;
                int count = r.getCellCount();
                String[] cells = new String[count];
                boolean any = false;
                for (int i = 0; i < count; i++) {
                    Cell c = r.getCell(i);
                    String text = c == null ? null : text(c, number);
                    cells[i] = text;
                    if (text != null && !text.isBlank()) any = true;
                }
                if (any) return new Row(number, cells);
            }
            return null;
        } catch (RuntimeException e) {
            // fastexcel reports broken XML, DTDs and entity references as unchecked exceptions
            throw SheetException.data("not-a-spreadsheet", position(), "'" + fileName + "' sheet " + sheetName
                    + " cannot be read (" + reason(e) + "). Save it again from Excel as .xlsx, or export it as CSV (UTF-8).");
        }
    }

    private String text(Cell c, int rowNum) throws SheetException {
        CellType type = c.getType();
        String raw = c.getRawValue();
        if (type == CellType.FORMULA) {
            int col = c.getColumnIndex();
            String column = header != null && col < header.size() ? header.get(col).strip() : null;
            Position at = new Position(fileName, sheetName, rowNum, column, CellRef.of(col, rowNum));
            notes.add(formulaNote(at, "=" + c.getFormula(), raw));
            return raw;
        }
        if (type == CellType.NUMBER && raw != null) {
            DateFormats.Precision date = DateFormats.precision(c.getDataFormatString(), c.getDataFormatId());
            if (date != null) {
                try {
                    return date.format(c.asDate().toLocalDate());
                } catch (RuntimeException e) {
                    return raw;
                }
            }
            try {
                return new java.math.BigDecimal(raw).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        if (type == CellType.BOOLEAN) return "1".equals(raw) || "true".equalsIgnoreCase(raw) ? "TRUE" : "FALSE";
        if (type == CellType.ERROR) return raw;
        if (type == CellType.STRING && raw == null) {
            // a shared-string cell whose string is not in the workbook: fastexcel would read it as empty
            int col = c.getColumnIndex();
            String column = header != null && col < header.size() ? header.get(col).strip() : null;
            throw SheetException.data("not-a-spreadsheet", new Position(fileName, sheetName, rowNum, column, CellRef.of(col, rowNum)),
                    "'" + fileName + "' sheet " + sheetName + " cell " + CellRef.of(col, rowNum) + " refers to a text in the"
                            + " workbook's shared-strings part, which the file does not have (or which is shorter): the workbook"
                            + " is incomplete, and reading on would lose text. Save it again from Excel or LibreOffice as .xlsx,"
                            + " or export it as CSV (UTF-8).");
        }
        return c.getText();
    }

    @Override
    public List<ReaderNote> drainNotes() {
        if (notes.isEmpty()) return List.of();
        List<ReaderNote> out = List.copyOf(notes);
        notes.clear();
        return out;
    }

    @Override
    public void close() {
        stream.close();
        closeQuietly(workbook);
    }

    private static void closeQuietly(ReadableWorkbook wb) {
        if (wb == null) return;
        try {
            wb.close();
        } catch (IOException ignored) {
            // reading only
        }
    }
}
