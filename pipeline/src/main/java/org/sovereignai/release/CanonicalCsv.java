package org.sovereignai.release;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Reads a release's {@code projects.csv} as bytes, the fast way a diff needs: a release file is machine-written and
 * canonical (the contract's header, one record per row, values already clean), so two rows with the same bytes are the
 * same record and need not be parsed at all. {@link #scan} finds the record boundaries (quote-aware: a quoted cell may
 * hold commas, quotes and line breaks), hashes each row's bytes and indexes it by id; {@link #decode} parses the few
 * rows a diff has to look into.
 *
 * <p>Anything this reader does not expect from a release file (another header, a byte-order mark, a carriage return,
 * an unclosed quote, a quoted or blank or non-ASCII id, bytes that are not UTF-8, a repeated id) raises
 * {@link NotCanonical}: the caller then reads the file the general way, which explains any real problem.
 */
final class CanonicalCsv {
    private static final int CHUNK = 1 << 20;

    /** The file is not a canonical release file; read it the general way. */
    static final class NotCanonical extends Exception {
        NotCanonical(String why) {
            super(why, null, false, false);
        }
    }

    private CanonicalCsv() {
    }

    /** The header line a release's projects.csv starts with (without its line end). */
    static byte[] header(java.util.List<String> fieldNames) {
        return String.join(",", fieldNames).getBytes(StandardCharsets.US_ASCII);
    }

    /** Indexes every row of the file by id; the header must be exactly {@code header}. */
    static RowTable scan(Path file, byte[] header) throws IOException, NotCanonical {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            RowTable table = new RowTable((int) Math.min(1 << 26, ch.size() / 200 + 16));
            CharsetDecoder utf8 = strictUtf8();
            byte[] buf = new byte[CHUNK];
            int len = 0;
            long bufOffset = 0;       // file offset of buf[0]
            boolean eof = false;
            boolean headerSeen = false;
            int p = 0;
            while (true) {
                int end = -1;
                boolean quoted = false;
                boolean high = false;
                for (int q = p; q < len; q++) {
                    if (q + 8 <= len && !special(Swar.word(buf, q))) {
                        q += 7;     // eight plain bytes: nothing to look at
                        continue;
                    }
                    byte b = buf[q];
                    if (b == '"') {
                        if (quoted) {
                            // a closing quote, or the first of a doubled one: a quote, a comma or the row end follows
                            if (q + 1 < len && buf[q + 1] != '"' && buf[q + 1] != ',' && buf[q + 1] != '\n') {
                                throw new NotCanonical("text after a closing quote");
                            }
                        } else if (q > p && buf[q - 1] != ',' && buf[q - 1] != '"') {
                            throw new NotCanonical("a quote inside an unquoted cell");
                        }
                        quoted = !quoted;
                    } else if (b == '\n') {
                        if (!quoted) {
                            end = q;
                            break;
                        }
                    } else if (b < 0) {
                        high = true;
                    } else if (b == '\r' && !quoted) {
                        throw new NotCanonical("carriage return outside a quoted cell");
                    }
                }
                if (end < 0) {
                    if (eof) {
                        if (p == len) break;
                        if (quoted) throw new NotCanonical("unclosed quote");
                        end = len;    // a last row without a line end
                    } else {
                        // move the partial row to the front and read on
                        System.arraycopy(buf, p, buf, 0, len - p);
                        bufOffset += p;
                        len -= p;
                        p = 0;
                        if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                        int n = ch.read(ByteBuffer.wrap(buf, len, buf.length - len));
                        if (n < 0) eof = true;
                        else len += n;
                        continue;
                    }
                }
                if (!headerSeen) {
                    if (!Arrays.equals(buf, p, end, header, 0, header.length)) throw new NotCanonical("not the contract's header");
                    headerSeen = true;
                } else if (end > p) {   // an empty line is skipped, as the general reader does
                    if (high) checkUtf8(utf8, buf, p, end);
                    int idEnd = p;
                    while (idEnd < end && buf[idEnd] != ',') {
                        byte b = buf[idEnd];
                        if (b <= ' ' || b >= 0x7f || b == '"') throw new NotCanonical("an id that is not plain");
                        idEnd++;
                    }
                    if (idEnd == p) throw new NotCanonical("a row without id");
                    long[] h = MurmurHash3.hash128x64(buf, p, end - p, 0);
                    if (!table.add(buf, p, idEnd, h[0], h[1], bufOffset + p, end - p)) throw new NotCanonical("a repeated id");
                }
                p = end + 1;
                if (end == len) break;
            }
            if (!headerSeen) throw new NotCanonical("empty file");
            return table;
        }
    }

    /**
     * The cells of the given rows (row numbers of {@code table}, ascending), each as {@code fieldCount} strings in
     * column order (empty where blank, null past the end of a short row), like the general reader's raw values.
     */
    static String[][] decode(Path file, RowTable table, int[] rows, int count, int fieldCount) throws IOException, NotCanonical {
        String[][] out = new String[count][];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] buf = new byte[CHUNK];
            long bufOffset = 0;
            int len = 0;
            for (int i = 0; i < count; i++) {
                int r = rows[i];
                long off = table.offset(r);
                int n = table.length(r);
                if (off < bufOffset || off + n > bufOffset + len) {
                    // refill from this row on: the rows wanted are ascending, so one pass reads the file at most once
                    if (n > buf.length) buf = new byte[n];
                    bufOffset = off;
                    len = 0;
                    while (len < buf.length) {
                        int m = ch.read(ByteBuffer.wrap(buf, len, buf.length - len), off + len);
                        if (m < 0) break;
                        len += m;
                    }
                    if (len < n) throw new IOException(file + " is shorter than when it was read");
                }
                out[i] = cells(buf, (int) (off - bufOffset), (int) (off - bufOffset) + n, fieldCount);
            }
        }
        return out;
    }

    /** One row's cells (RFC 4180: a quoted cell doubles its quotes and may hold commas and line breaks). */
    static String[] cells(byte[] b, int from, int to, int fieldCount) throws NotCanonical {
        String[] out = new String[fieldCount];
        int p = from;
        int col = 0;
        while (col < fieldCount) {
            String v;
            if (p < to && b[p] == '"') {
                StringBuilder sb = null;
                int start = ++p;
                while (true) {
                    if (p >= to) throw new NotCanonical("unclosed quote");
                    if (b[p] == '"') {
                        if (p + 1 < to && b[p + 1] == '"') {
                            if (sb == null) sb = new StringBuilder();
                            sb.append(new String(b, start, p + 1 - start, StandardCharsets.UTF_8));
                            p += 2;
                            start = p;
                            continue;
                        }
                        break;
                    }
                    p++;
                }
                String tail = new String(b, start, p - start, StandardCharsets.UTF_8);
                v = sb == null ? tail : sb.append(tail).toString();
                p++;    // the closing quote
                if (p < to && b[p] != ',') throw new NotCanonical("text after a closing quote");
            } else {
                int start = p;
                while (p < to && b[p] != ',') p++;
                v = new String(b, start, p - start, StandardCharsets.UTF_8);
            }
            out[col++] = v;
            if (p >= to) break;
            p++;        // the comma
        }
        return out;
    }

    /** True when one of the eight bytes is a quote, a line feed, a carriage return or not ASCII. */
    private static boolean special(long w) {
        return ((Swar.byteIs(w, '"') | Swar.byteIs(w, '\n') | Swar.byteIs(w, '\r') | w) & Swar.HIGHS) != 0;
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static void checkUtf8(CharsetDecoder utf8, byte[] buf, int from, int to) throws NotCanonical {
        try {
            utf8.reset().decode(ByteBuffer.wrap(buf, from, to - from));
        } catch (CharacterCodingException e) {
            throw new NotCanonical("bytes that are not UTF-8");
        }
    }
}
