package org.sovereignai.sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;

/**
 * How a CSV file is written, found from its first bytes before it is read: the encoding from the byte-order mark
 * (UTF-8 without one, or with EF BB BF; UTF-16 LE with FF FE and BE with FE FF, Excel's "Unicode text"), and the
 * delimiter from the header row: the one of {@code ,}, {@code ;} and tab that occurs most often outside quotes (a comma
 * when none does, or on a tie). Excel in most European locales writes {@code ;}, and its "Unicode text" uses tabs.
 * Nothing else is guessed: without a byte-order mark the file must still be UTF-8.
 *
 * @param charset   how the text is decoded (strictly)
 * @param bomLength bytes of byte-order mark before the text
 * @param delimiter the cell separator
 */
record CsvDialect(Charset charset, int bomLength, char delimiter) {
    static final CsvDialect DEFAULT = new CsvDialect(StandardCharsets.UTF_8, 0, ',');
    /** The header is looked for in the first bytes only; a header row is far shorter. */
    private static final int SAMPLE = 1 << 16;

    /** Reads the dialect from the stream's first bytes and leaves the stream just after the byte-order mark. */
    static CsvDialect detect(BufferedInputStream in) throws IOException {
        in.mark(SAMPLE);
        byte[] head = in.readNBytes(SAMPLE);
        in.reset();
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            bom = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        }
        in.skipNBytes(bom);
        // the sample may end inside a character, and bad bytes are the reader's to report: decode leniently here
        String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(head, bom, head.length - bom)).toString();
        return new CsvDialect(charset, bom, delimiterOf(text));
    }

    /** The delimiter of the first non-blank line: the most frequent of , ; and tab outside quotes; ',' on a tie. */
    static char delimiterOf(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        boolean content = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                content = true;
            } else if (quoted) {
                continue;
            } else if (c == '\n' || c == '\r') {
                if (content) break;
            } else if (c == ',') {
                commas++;
            } else if (c == ';') {
                semicolons++;
            } else if (c == '\t') {
                tabs++;
            } else if (c != ' ') {
                content = true;
            }
        }
        if (semicolons > commas && semicolons >= tabs) return ';';
        if (tabs > commas && tabs > semicolons) return '\t';
        return ',';
    }

    /** The CSV format to parse with: RFC 4180 as before, with this delimiter. */
    CSVFormat format(CSVFormat base) {
        return delimiter == base.getDelimiterString().charAt(0) ? base : base.builder().setDelimiter(delimiter).get();
    }

    boolean utf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    /** What a curator should be told about how the file was read, or null when it is the default (UTF-8, commas). */
    String note() {
        if (utf8() && delimiter == ',') return null;
        StringBuilder sb = new StringBuilder("read as ");
        sb.append(utf8() ? "UTF-8" : charset.name().equals("UTF-16LE") ? "UTF-16 little-endian" : "UTF-16 big-endian");
        if (!utf8()) sb.append(" (from its byte-order mark)");
        sb.append(" text with cells separated by ").append(delimiter == '\t' ? "tabs" : delimiter == ';' ? "semicolons (;)" : "commas");
        if (delimiter != ',') sb.append(" (found in the header row)");
        return sb.append('.').toString();
    }
}
