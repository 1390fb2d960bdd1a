package org.sovereignai.sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Second looks at a CSV that failed to read, to tell the curator exactly which cell is at fault. Only runs after a
 * failure, so the normal path pays nothing. Both scans read the bytes as ISO-8859-1 (every byte is a character),
 * which keeps the CSV structure intact whatever the real encoding is: quotes, commas and line ends are ASCII, and
 * UTF-8 never uses ASCII bytes inside a multi-byte character.
 */
final class CsvDiagnosis {
    /**
     * A cell: 1-based row as the spreadsheet shows it, 0-based column, the text (for encodings, as Windows-1252 shows
     * it), and the name of its column when the cell lies below the header (else null).
     */
    record Cell(int row, int column, String text, String columnName) {
        Cell(int row, int column, String text) {
            this(row, column, text, null);
        }
    }

    private CsvDiagnosis() {
    }

    /** The first cell whose bytes are not UTF-8, or null when none is found. */
    static Cell firstNonUtf8Cell(Path path, CSVFormat format) {
        try (Reader reader = new InputStreamReader(new BufferedInputStream(Files.newInputStream(path), 1 << 16),
                StandardCharsets.ISO_8859_1);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            String[] header = null;
            for (CSVRecord r : parser) {
                String[] values = r.values();
                for (int i = 0; i < values.length; i++) {
                    byte[] bytes = values[i].getBytes(StandardCharsets.ISO_8859_1);
                    if (!utf8(bytes)) {
                        String column = header != null && i < header.length ? header[i].strip() : null;
                        return new Cell((int) r.getRecordNumber(), i, new String(bytes, windows1252()), column);
                    }
                }
                if (header == null && !blank(values)) header = values;
            }
        } catch (IOException | RuntimeException e) {
            return null; // the diagnosis is a courtesy; the caller still reports the encoding problem
        }
        return null;
    }

    private static boolean blank(String[] values) {
        for (String v : values) if (!v.isBlank()) return false;
        return true;
    }

    private static boolean utf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Charset windows1252() {
        return Charset.isSupported("windows-1252") ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1;
    }

    /**
     * Where RFC 4180 quoting goes wrong, following the same rules as the parser: a quote opens a quoted cell only at
     * the start of a cell; inside it {@code ""} is a quote; after the closing quote only spaces may come before the
     * delimiter or line end. Returns the cell with text after its closing quote (text = "after"), or the cell whose quote
     * never closes (text = "unclosed"); null when the quoting is fine.
     */
    static Cell quoteProblem(Path path, char delimiter) {
        try (InputStream in = CsvSheet.skipByteOrderMark(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
            int row = 1;
            int col = 0;
            boolean cellStart = true;
            boolean quoted = false;
            boolean closed = false;
            int openRow = 0;
            int openCol = 0;
            int c = in.read();
            while (c >= 0) {
                int next = in.read();
                if (quoted) {
                    if (c == '"') {
                        if (next == '"') {
                            next = in.read();
                        } else {
                            quoted = false;
                            closed = true;
                        }
                    }
                } else if (c == delimiter) {
                    col++;
                    cellStart = true;
                    closed = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && next == '\n') next = in.read();
                    row++;
                    col = 0;
                    cellStart = true;
                    closed = false;
                } else if (closed) {
                    if (c != ' ' && c != '\t') return new Cell(openRow, openCol, "after");
                } else if (c == '"' && cellStart) {
                    quoted = true;
                    openRow = row;
                    openCol = col;
                    cellStart = false;
                } else {
                    cellStart = false;
                }
                c = next;
            }
            return quoted ? new Cell(openRow, openCol, "unclosed") : null;
        } catch (IOException e) {
            return null;
        }
    }
}
