package org.sovereignai.release;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the rows of a published file start, in bytes, found by one scan of the bytes (no parsing): the lines of
 * projects.json (one record a line, JSON escapes every newline) or the records of a CSV file as commons-csv writes
 * them (a newline inside double quotes belongs to the cell; a doubled quote toggles twice and so changes nothing).
 * For CSV the first cell of each row is kept as well (the record id, which needs no quotes).
 */
final class RowOffsets {
    /** Row starts, plus one entry for the end of the file: row i is {@code [starts[i], starts[i+1])}. */
    final long[] starts;
    /** The first cell of each row (CSV only; null for JSON lines). */
    final String[] firstCells;

    private RowOffsets(long[] starts, String[] firstCells) {
        this.starts = starts;
        this.firstCells = firstCells;
    }

    int rows() {
        return starts.length - 1;
    }

    static RowOffsets lines(Path file) throws IOException {
        return scan(file, false);
    }

    static RowOffsets csv(Path file) throws IOException {
        return scan(file, true);
    }

    private static RowOffsets scan(Path file, boolean csv) throws IOException {
        long[] starts = new long[1024];
        String[] cells = csv ? new String[1024] : null;
        int n = 0;
        byte[] cell = new byte[256];
        int cellLen = 0;
        boolean inFirstCell = true;
        boolean quoted = false;
        long pos = 0;
        boolean rowOpen = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            for (int k = in.read(buf); k > 0; k = in.read(buf)) {
                for (int i = 0; i < k; i++, pos++) {
                    byte b = buf[i];
                    if (!rowOpen) {
                        if (n + 1 >= starts.length) {
                            starts = Arrays.copyOf(starts, starts.length * 2);
                            if (csv) cells = Arrays.copyOf(cells, cells.length * 2);
                        }
                        starts[n] = pos;
                        rowOpen = true;
                        inFirstCell = true;
                        cellLen = 0;
                    }
                    if (csv && b == '"') quoted = !quoted;
                    if (b == '\n' && !quoted) {
                        if (csv) cells[n] = cellText(cell, cellLen);
                        n++;
                        rowOpen = false;
                        continue;
                    }
                    if (csv && inFirstCell) {
                        if (b == ',' && !quoted) {
                            inFirstCell = false;
                        } else if (b != '\r' && b != '"' && cellLen < cell.length) {
                            cell[cellLen++] = b;
                        }
                    }
                }
            }
        }
        if (rowOpen) {
            if (csv) cells[n] = cellText(cell, cellLen);
            n++;
        }
        long[] out = Arrays.copyOf(starts, n + 1);
        out[n] = pos;
        return new RowOffsets(out, csv ? Arrays.copyOf(cells, n) : null);
    }

    private static String cellText(byte[] cell, int len) {
        return new String(cell, 0, len, StandardCharsets.UTF_8);
    }
}
