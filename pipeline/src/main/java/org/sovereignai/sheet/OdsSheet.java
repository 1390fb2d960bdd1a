package org.sovereignai.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.github.miachm.sods.OfficeCurrency;
import com.github.miachm.sods.OfficePercentage;
import com.github.miachm.sods.Range;
import com.github.miachm.sods.SpreadSheet;

/**
 * One sheet of an OpenDocument spreadsheet ({@code .ods}, LibreOffice's own format), read with SODS (which turns DTD
 * support off). SODS reads the whole workbook into memory, so the zip-bomb guard of XLSX runs first; curator sheets
 * are small. Cells read as in XLSX: numbers as written, a formula cell as its last value with a {@code formula-cell}
 * note, a date cell with the precision its date style shows ({@link OdsDateStyles}: SODS does not expose the
 * format).
 */
final class OdsSheet implements Sheet {
    static final String MIME_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

    private final String fileName;
    private final String sheetName;
    private final Object[][] values;
    private final String[][] formulas;
    private final int firstRow;
    private final int firstColumn;
    private final List<String> header;
    private int headerRow = 1;
    private int next;
    private final List<ReaderNote> notes = new ArrayList<>();

    private final OdsDateStyles dates;

    private OdsSheet(String fileName, com.github.miachm.sods.Sheet sheet, OdsDateStyles dates) {
        this.fileName = fileName;
        this.dates = dates;
        this.sheetName = sheet.getName();
        Range range = sheet.getDataRange();
        this.values = range.getValues();
        this.formulas = range.getFormulas();
        this.firstRow = range.getRow();
        this.firstColumn = range.getColumn();
        Row first = nextRow();
        List<String> h = new ArrayList<>();
        if (first != null) {
            for (String c : first.cells()) h.add(c == null ? "" : c);
            headerRow = first.number();
        }
        this.header = h;
        notes.clear(); // notes about the header row are not about data
    }

    /** True when the zip archive says it is an OpenDocument spreadsheet (its {@code mimetype} part). */
    static boolean isOds(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype == null) return false;
            try (InputStream in = zip.getInputStream(mimetype)) {
                return new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip().equals(MIME_TYPE);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static Sheet open(Path path, String fileName, String sheetName, Sheets.Limits limits) throws SheetException {
        Position where = Position.ofFile(fileName);
        XlsxSheet.guardAgainstZipBomb(path, where, limits);
        SpreadSheet workbook;
        try {
            workbook = new SpreadSheet(path.toFile());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw SheetException.data("not-a-spreadsheet", where, "'" + fileName + "' is not a readable OpenDocument spreadsheet ("
                    + XlsxSheet.reason(e) + "). Open it in LibreOffice and save it again as .ods, or as Excel 2007-365 (.xlsx), or export it as CSV (UTF-8).");
        }
        if (workbook.getNumSheets() == 0) {
            throw SheetException.data("not-a-spreadsheet", where, "'" + fileName + "' has no sheet that could be read (its"
                    + " content is empty or damaged). Open it in LibreOffice and save it again as .ods, or as Excel 2007-365 (.xlsx),"
                    + " or export it as CSV (UTF-8).");
        }
        com.github.miachm.sods.Sheet sheet = sheetName == null ? workbook.getSheet(0) : workbook.getSheet(sheetName);
        if (sheet == null) {
            List<String> names = new ArrayList<>();
            for (com.github.miachm.sods.Sheet s : workbook.getSheets()) names.add(s.getName());
            throw SheetException.io("sheet-not-found", where, "'" + fileName + "' has no sheet named '" + sheetName
                    + "'; its sheets are: " + String.join(", ", names));
        }
        return new OdsSheet(fileName, sheet, OdsDateStyles.read(path));
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

    @Override
    public Row next() {
        return nextRow();
    }

    private Row nextRow() {
        while (next < values.length) {
            int i = next++;
            Object[] row = values[i];
            int number = firstRow + i + 1;
            String[] cells = new String[firstColumn + row.length];
            boolean any = false;
            for (int j = 0; j < row.length; j++) {
                String text = row[j] instanceof LocalDate d
                        ? dates.at(sheetName, firstRow + i, firstColumn + j).format(d) : text(row[j]);
                String formula = formulas[i][j];
                if (formula != null && !formula.isEmpty()) note(number, firstColumn + j, formula, text);
                cells[firstColumn + j] = text;
                if (text != null && !text.isBlank()) any = true;
            }
            if (any) return new Row(number, cells);
        }
        return null;
    }

    private void note(int rowNum, int col, String formula, String value) {
        String column = header != null && col < header.size() ? header.get(col).strip() : null;
        notes.add(XlsxSheet.formulaNote(new Position(fileName, sheetName, rowNum, column, CellRef.of(col, rowNum)),
                formula.startsWith("=") ? formula : "=" + formula, value));
    }

    /** A cell's value as a curator sees it: numbers plain, dates ISO, truth values TRUE/FALSE. */
    static String text(Object v) {
        if (v == null) return null;
        if (v instanceof String s) return s;
        if (v instanceof Double d) return plain(d);
        if (v instanceof Number n) return plain(n.doubleValue());
        if (v instanceof OfficePercentage p) return p.getValue() == null ? null : plain(p.getValue());
        if (v instanceof OfficeCurrency c) return c.getValue() == null ? null : plain(c.getValue());
        if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
        if (v instanceof LocalDate d) return d.toString();
        if (v instanceof LocalDateTime t) return t.toLocalDate().toString();
        return v.toString();
    }

    private static String plain(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
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
        // everything was read when the sheet was opened
    }
}
