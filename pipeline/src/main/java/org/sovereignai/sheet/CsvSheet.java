package org.sovereignai.sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV sheet in UTF-8 (a byte-order mark is accepted), read strictly: other encodings are reported, not guessed. */
final class CsvSheet implements Sheet {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final String fileName;
    private final int maxCellChars;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;

    private CsvSheet(String fileName, int maxCellChars, CSVParser parser) throws SheetException {
        this.fileName = fileName;
        this.maxCellChars = maxCellChars;
        this.parser = parser;
        this.records = parser.iterator();
        String[] first = null;
        while (first == null) {
            CSVRecord r = nextRecord();
            if (r == null) break;
            String[] values = r.values();
            if (!blank(values)) first = values;
        }
        this.header = first == null ? List.of() : Arrays.asList(first);
    }

    static Sheet open(Path path, String fileName, Sheets.Limits limits) throws SheetException {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) in.reset();
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            return new CsvSheet(fileName, limits.maxCellChars(), CSVParser.builder().setReader(reader).setFormat(FORMAT).get());
        } catch (IOException e) {
            throw SheetException.io("file-not-readable", Position.ofFile(fileName), "cannot read " + fileName + ": " + e.getMessage());
        }
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
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws SheetException {
        while (true) {
            CSVRecord r = nextRecord();
            if (r == null) return null;
            String[] values = r.values();
            if (blank(values)) continue;
            return new Row((int) r.getRecordNumber(), values);
        }
    }

    private CSVRecord nextRecord() throws SheetException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw translate(e.getCause());
        } catch (IllegalStateException e) {
            throw translate(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage()));
        }
    }

    private SheetException translate(IOException e) {
        int row = (int) parser.getRecordNumber() + 1;
        Position where = new Position(fileName, null, row, null, null);
        if (e instanceof CharacterCodingException) {
            return SheetException.data("encoding-not-utf8", where,
                    "the file is not UTF-8 text (it looks like another encoding, such as Windows-1252, near row " + row
                            + "). In Excel use 'Save As > CSV UTF-8'; in Google Sheets 'Download > CSV'.");
        }
        return SheetException.data("csv-malformed", where,
                "the CSV cannot be parsed near row " + row + ": " + e.getMessage()
                        + ". A cell that contains a quote must be wrapped in quotes with the quote doubled (\"\").");
    }

    private static boolean blank(String[] values) {
        for (String v : values) if (v != null && !v.isBlank()) return false;
        return true;
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
