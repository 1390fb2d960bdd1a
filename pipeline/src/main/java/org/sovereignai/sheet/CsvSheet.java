package org.sovereignai.sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV sheet in UTF-8 (a byte-order mark is accepted), or UTF-16 with its byte-order mark, separated by commas,
 * semicolons or tabs ({@link CsvDialect}, found before reading), read strictly: other encodings are reported, not
 * guessed. Row numbers are CSV record numbers, which is what a spreadsheet shows (a quoted cell with line breaks is still one
 * row; blank lines count as rows).
 */
final class CsvSheet implements Sheet {
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path path;
    private final String fileName;
    private final CsvDialect dialect;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private int headerRow = 1;
    /** Where rows start in the file: a quoted cell with line breaks moves the rows after it down. */
    private final Lines lines = new Lines();
    /** The last line of the record read last (0 before the first). */
    private long lastLine;
    private int shift;

    private CsvSheet(Path path, String fileName, CsvDialect dialect, CSVParser parser) throws SheetException {
        this.path = path;
        this.fileName = fileName;
        this.dialect = dialect;
        this.parser = parser;
        this.records = parser.iterator();
        String[] first = null;
        while (first == null) {
            CSVRecord r = nextRecord(null);
            if (r == null) break;
            String[] values = r.values();
            if (!blank(values)) {
                first = values;
                headerRow = (int) r.getRecordNumber();
            }
        }
        this.header = first == null ? List.of() : Arrays.asList(first);
    }

    static Sheet open(Path path, String fileName, Sheets.Limits limits) throws SheetException {
        InputStream in = null;
        try {
            BufferedInputStream buffered = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            in = buffered;
            CsvDialect dialect = CsvDialect.detect(buffered);
            Reader reader = new InputStreamReader(in, dialect.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            return new CsvSheet(path, fileName, dialect,
                    CSVParser.builder().setReader(reader).setFormat(dialect.format(FORMAT)).get());
        } catch (IOException e) {
            closeQuietly(in);
            throw SheetException.io("file-not-readable", Position.ofFile(fileName), "cannot read " + fileName + ": " + e.getMessage());
        } catch (SheetException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** Skips a UTF-8 byte-order mark, if the stream starts with one (Excel's 'CSV UTF-8' writes it). */
    static InputStream skipByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) in.reset();
        return in;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String sheetName() {
        return null;
    }

    @Override
    public String readingNote() {
        return dialect.note();
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
    public Lines lines() {
        return lines;
    }

    @Override
    public Row next() throws SheetException {
        while (true) {
            CSVRecord r = nextRecord(header);
            if (r == null) return null;
            String[] values = r.values();
            if (blank(values)) continue;
            return new Row((int) r.getRecordNumber(), values);
        }
    }

    private CSVRecord nextRecord(List<String> knownHeader) throws SheetException {
        try {
            if (!records.hasNext()) return null;
            CSVRecord r = records.next();
            // a record starts on the line after the last one of the record before (blank lines are records too)
            int startsAt = (int) (lastLine + 1 - r.getRecordNumber());
            lastLine = parser.getCurrentLineNumber();
            if (startsAt != shift) lines.shift((int) r.getRecordNumber(), shift = startsAt);
            return r;
        } catch (UncheckedIOException e) {
            throw translate(e.getCause(), knownHeader);
        } catch (IllegalStateException e) {
            throw translate(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage()), knownHeader);
        }
    }

    private SheetException translate(IOException e, List<String> knownHeader) {
        if (e instanceof CharacterCodingException && !dialect.utf8()) {
            int row = (int) parser.getRecordNumber() + 1;
            return SheetException.data("encoding-not-utf8", new Position(fileName, null, row, null, null),
                    "the file starts with a " + dialect.charset().name() + " byte-order mark but is not " + dialect.charset().name()
                            + " text (the first bad bytes are near row " + row + "). Save it again as CSV UTF-8. The file was not read further.");
        }
        if (e instanceof CharacterCodingException) {
            CsvDiagnosis.Cell cell = CsvDiagnosis.firstNonUtf8Cell(path, dialect.format(FORMAT));
            String advice = " In Excel use 'Save As > CSV UTF-8 (Comma delimited)'; in LibreOffice tick 'Edit filter settings'"
                    + " and choose Unicode (UTF-8); in Google Sheets 'File > Download > CSV'. The file was not read further.";
            if (cell == null) {
                int row = (int) parser.getRecordNumber() + 1;
                return SheetException.data("encoding-not-utf8", new Position(fileName, null, row, null, null),
                        "the file is not UTF-8 text (the first bad bytes are near row " + row + ")." + advice);
            }
            return new SheetException("encoding-not-utf8", at(cell, knownHeader),
                    "the file is not UTF-8 text: cell " + CellRef.of(cell.column(), cell.row()) + " holds bytes that are not UTF-8"
                            + " (in Windows-1252, a common Excel encoding, they would read '" + cell.text() + "'). The"
                            + " encoding is not guessed, so that no letter is silently changed." + advice, false, cell.text());
        }
        CsvDiagnosis.Cell cell = dialect.utf8() ? CsvDiagnosis.quoteProblem(path, dialect.delimiter()) : null;
        if (cell == null) {
            int row = (int) parser.getRecordNumber() + 1;
            return SheetException.data("csv-malformed", new Position(fileName, null, row, null, null),
                    "the CSV cannot be parsed near row " + row + ": " + e.getMessage()
                            + ". A cell that contains a quote must be wrapped in quotes with the quote doubled (\"\").");
        }
        String ref = CellRef.of(cell.column(), cell.row());
        String message = cell.text().equals("unclosed")
                ? "cell " + ref + " opens a quote that never closes, so everything after it would be read as one cell."
                + " Remove the stray quote, or, if the quote belongs to the text, wrap the whole cell in quotes and double"
                + " the inner quote (\"Acme \"\"Labs\"\"\"). The file was not read further."
                : "cell " + ref + " has text after its closing quote. A cell that contains a quote must be wrapped in"
                + " quotes with each inner quote doubled, e.g. \"Acme \"\"Labs\"\" Ltd\". The file was not read further.";
        return SheetException.data("csv-malformed", at(cell, knownHeader), message);
    }

    private Position at(CsvDiagnosis.Cell cell, List<String> knownHeader) {
        String column = cell.columnName() != null ? cell.columnName()
                : knownHeader != null && cell.column() < knownHeader.size() && cell.row() > headerRow
                ? knownHeader.get(cell.column()).strip() : null;
        return new Position(fileName, null, cell.row(), column, CellRef.of(cell.column(), cell.row()));
    }

    private static boolean blank(String[] values) {
        for (String v : values) if (v != null && !v.isBlank()) return false;
        return true;
    }

    private static void closeQuietly(InputStream in) {
        try {
            if (in != null) in.close();
        } catch (IOException ignored) {
            // reading only
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // reading only: nothing to lose
        }
    }
}
