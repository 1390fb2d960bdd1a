package org.sovereignai.sources;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Writes and reads sources.csv: the {@link SourceRow#HEADER} columns, UTF-8 without BOM, {@code \n} line ends. */
public final class SourcesCsv {
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private SourcesCsv() {
    }

    /** The file's text; the same rows give the same bytes. */
    public static String render(List<SourceRow> rows) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, WRITE)) {
            p.printRecord(SourceRow.HEADER);
            for (SourceRow r : rows) p.printRecord(r.cells());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return w.toString();
    }

    public static byte[] bytes(List<SourceRow> rows) {
        return render(rows).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a release's sources.csv (to compare with the next release). */
    public static List<SourceRow> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.getFileName().toString());
        }
    }

    /** Reads sources.csv text (header first), e.g. one record's rows; {@code name} names it in messages. */
    public static List<SourceRow> read(Reader r, String name) throws IOException {
        List<SourceRow> out = new ArrayList<>();
        for (CSVRecord rec : READ.parse(r)) {
            String status = get(rec, "status");
            Integer code = null;
            if (status != null) {
                try {
                    code = Integer.valueOf(status);
                } catch (NumberFormatException e) {
                    throw new IOException(name + " row " + (rec.getRecordNumber() + 1)
                            + ", column status: '" + status + "' is not an HTTP status");
                }
            }
            out.add(new SourceRow(get(rec, "id"), get(rec, "url"), code, get(rec, "final_url"), get(rec, "title"),
                    get(rec, "published"), get(rec, "checked_at"), get(rec, "fingerprint"), SourceState.of(get(rec, "state"))));
        }
        return out;
    }

    private static String get(CSVRecord rec, String column) {
        if (!rec.isMapped(column) || !rec.isSet(column)) return null;
        String v = rec.get(column);
        return v.isEmpty() ? null : v;
    }
}
