package org.sovereignai.release;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.SheetException;
import org.sovereignai.stats.RootFamilies;

/**
 * A compact index over one published release, so a reader (the HTTP door) can answer for one record or a filtered page
 * without holding the release: the ids (sorted, as every release lists them), where each record's bytes are in
 * projects.json and projects.csv and its rows in sources.csv, and small codes for the fields people filter on (layer,
 * jurisdiction, status, root base families as stats counts them). A million records take about 100 MB; the record
 * bytes stay in the files and are read on demand, exactly as published.
 */
public final class RecordIndex implements java.io.Closeable {
    /** The field of a project's lifecycle status (planned, operational, ...). */
    public static final String STATUS = "status";

    private final Path folder;
    private final String[] ids;
    private final long[] json;
    private final long[] csv;
    private final long csvHeaderEnd;
    private final long[] sources;
    private final long sourcesHeaderEnd;
    private final Codes codes;
    private final int[] layer;
    private final int[] jurisdiction;
    private final int[] status;
    private final int[][] families;
    private final Map<String, FileChannel> channels = new HashMap<>();

    private RecordIndex(Builder b) {
        folder = b.folder;
        ids = b.ids;
        json = b.json;
        csv = b.csv;
        csvHeaderEnd = b.csvHeaderEnd;
        sources = b.sources;
        sourcesHeaderEnd = b.sourcesHeaderEnd;
        codes = b.codes;
        layer = b.layer;
        jurisdiction = b.jurisdiction;
        status = b.status;
        families = b.families;
    }

    /** Indexes a release (its projects.csv, projects.json and sources.csv: three scans, one parse). */
    public static RecordIndex build(Releases.Release release, Schema schema) throws IOException {
        return new Builder(release.folder(), schema).build();
    }

    public int size() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    /** The position of the record with this id, or -1. */
    public int find(String id) {
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 ? i : -1;
    }

    /** The position of the first record whose id sorts after {@code id} (the next page after a cursor). */
    public int after(String id) {
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 ? i + 1 : -i - 1;
    }

    public String layer(int i) {
        return codes.text(layer[i]);
    }

    public String jurisdiction(int i) {
        return codes.text(jurisdiction[i]);
    }

    public String status(int i) {
        return codes.text(status[i]);
    }

    /** True when one of the record's root base families is {@code family}. */
    public boolean hasFamily(int i, String family) {
        int code = codes.find(family);
        if (code < 0) return false;
        for (int f : families[i]) if (f == code) return true;
        return false;
    }

    /** The record as published in projects.json: one compact JSON object. */
    public byte[] json(int i) throws IOException {
        long end = json[i + 1] - 1;   // the newline
        long start = json[i];
        byte[] b = read(ReleaseFiles.PROJECTS_JSON, start, end - start);
        int n = b.length;
        if (n > 0 && b[n - 1] == ',') n--;
        return n == b.length ? b : Arrays.copyOf(b, n);
    }

    /** projects.csv's header row, newline included. */
    public byte[] csvHeader() throws IOException {
        return read(ReleaseFiles.PROJECTS_CSV, 0, csvHeaderEnd);
    }

    /** The record's row of projects.csv as published, newline included. */
    public byte[] csv(int i) throws IOException {
        return read(ReleaseFiles.PROJECTS_CSV, csv[i], csv[i + 1] - csv[i]);
    }

    /** sources.csv's header row and the record's rows, as published (parse them with the header). */
    public byte[] sourcesCsv(int i) throws IOException {
        byte[] header = read(ReleaseFiles.SOURCES_CSV, 0, sourcesHeaderEnd);
        byte[] rows = read(ReleaseFiles.SOURCES_CSV, sources[i], sources[i + 1] - sources[i]);
        byte[] out = Arrays.copyOf(header, header.length + rows.length);
        System.arraycopy(rows, 0, out, header.length, rows.length);
        return out;
    }

    private byte[] read(String file, long start, long length) throws IOException {
        if (length <= 0) return new byte[0];
        if (length > Integer.MAX_VALUE - 16) throw new IOException(file + ": a row of " + length + " bytes");
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        try {
            fill(channel(file), buf, start, file);
        } catch (java.nio.channels.ClosedChannelException e) {
            // the index was closed by its cache while this read ran: once more on a reopened file
            buf.clear();
            fill(channel(file), buf, start, file);
        }
        return buf.array();
    }

    private static void fill(FileChannel ch, ByteBuffer buf, long start, String file) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, start + buf.position()) < 0) throw new IOException(file + " ended early: changed since it was indexed?");
        }
    }

    /**
     * The file, open for positional reads (which are safe from many threads at once): opened once per index, as a page
     * of a hundred records would otherwise open and close the file a hundred times. Closed with the index.
     */
    private FileChannel channel(String file) throws IOException {
        synchronized (channels) {
            FileChannel ch = channels.get(file);
            if (ch == null || !ch.isOpen()) {
                ch = FileChannel.open(folder.resolve(file), StandardOpenOption.READ);
                channels.put(file, ch);
            }
            return ch;
        }
    }

    /** Closes the files (an index dropped from a cache; reads after this reopen them). */
    @Override
    public void close() throws IOException {
        synchronized (channels) {
            for (FileChannel ch : channels.values()) ch.close();
            channels.clear();
        }
    }

    /** Small dictionary of the filter values (vocabulary values and family keys: a few hundred at most). */
    private static final class Codes {
        private final Map<String, Integer> byText = new HashMap<>();
        private final List<String> texts = new ArrayList<>();

        int code(String text) {
            if (text == null) return -1;
            return byText.computeIfAbsent(text, t -> {
                texts.add(t);
                return texts.size() - 1;
            });
        }

        int find(String text) {
            Integer c = byText.get(text);
            return c == null ? -1 : c;
        }

        String text(int code) {
            return code < 0 ? null : texts.get(code);
        }
    }

    private static final class Builder {
        final Path folder;
        final Schema schema;
        final Codes codes = new Codes();
        String[] ids;
        long[] json;
        long[] csv;
        long csvHeaderEnd;
        long[] sources;
        long sourcesHeaderEnd;
        int[] layer;
        int[] jurisdiction;
        int[] status;
        int[][] families;

        Builder(Path folder, Schema schema) {
            this.folder = folder;
            this.schema = schema;
        }

        RecordIndex build() throws IOException {
            Path csvFile = folder.resolve(ReleaseFiles.PROJECTS_CSV);
            RowOffsets csvRows = RowOffsets.csv(csvFile);
            int n = Math.max(0, csvRows.rows() - 1);
            csvHeaderEnd = csvRows.starts.length > 1 ? csvRows.starts[1] : 0;
            csv = Arrays.copyOfRange(csvRows.starts, Math.min(1, csvRows.rows()), csvRows.starts.length);
            ids = n == 0 ? new String[0] : Arrays.copyOfRange(csvRows.firstCells, 1, n + 1);
            csvRows = null;
            json = jsonLines(n);
            sources = sourceRows();
            facets(csvFile, n);
            return new RecordIndex(this);
        }

        /** Record i is line i+1 of projects.json (line 0 is the opening bracket). */
        private long[] jsonLines(int n) throws IOException {
            RowOffsets lines = RowOffsets.lines(folder.resolve(ReleaseFiles.PROJECTS_JSON));
            if (n == 0) return new long[] {0};
            if (lines.rows() != n + 2) {
                throw new IOException(folder.resolve(ReleaseFiles.PROJECTS_JSON) + " has " + (lines.rows() - 2)
                        + " record lines but projects.csv has " + n + " records");
            }
            return Arrays.copyOfRange(lines.starts, 1, n + 2);
        }

        /** The first and last row of each record in sources.csv (sorted by id, as the records are). */
        private long[] sourceRows() throws IOException {
            Path file = folder.resolve(ReleaseFiles.SOURCES_CSV);
            if (!Files.isRegularFile(file)) return new long[ids.length + 1];
            RowOffsets rows = RowOffsets.csv(file);
            sourcesHeaderEnd = rows.starts.length > 1 ? rows.starts[1] : 0;
            long[] fixed = new long[ids.length + 1];
            int r = 1;
            for (int i = 0; i < ids.length; i++) {
                // rows of ids that are not records (none in a valid release) are skipped
                while (r < rows.rows() && ids[i].compareTo(rows.firstCells[r]) > 0) r++;
                fixed[i] = rows.starts[Math.min(r, rows.rows())];
                while (r < rows.rows() && ids[i].equals(rows.firstCells[r])) r++;
                fixed[i + 1] = rows.starts[Math.min(r, rows.rows())];
            }
            return fixed;
        }

        /** Layer, jurisdiction, status and root families of every record, from projects.csv (parsed once). */
        private void facets(Path csvFile, int n) throws IOException {
            layer = new int[n];
            jurisdiction = new int[n];
            status = new int[n];
            families = new int[n][];
            Map<Set<String>, int[]> shared = new HashMap<>();
            List<Project> later = new ArrayList<>();
            List<Integer> laterAt = new ArrayList<>();
            Set<String> named = new HashSet<>();
            RootFamilies vocabularyOnly = RootFamilies.over(List.of(), schema);
            int[] at = {0};
            read(csvFile, p -> {
                int i = at[0]++;
                if (i >= n || !ids[i].equals(p.id())) {
                    throw new IllegalStateException("row " + (i + 2) + " of projects.csv holds '" + p.id() + "', the scan saw '" + (i < n ? ids[i] : "") + "'");
                }
                layer[i] = codes.code(p.get(Schema.LAYER));
                jurisdiction[i] = codes.code(p.get(Schema.JURISDICTION));
                status[i] = codes.code(p.get(STATUS));
                Set<String> others = vocabularyOnly.namedBases(p);
                if (others.isEmpty()) {
                    families[i] = familyCodes(vocabularyOnly.keysOf(p), shared);
                } else {
                    // built on another project of the index: resolved once that project has been read
                    named.addAll(others);
                    later.add(p);
                    laterAt.add(i);
                }
            });
            if (later.isEmpty()) return;
            // a second pass keeps only the projects named as bases (few), never the whole release
            List<Project> bases = new ArrayList<>(later);
            read(csvFile, p -> {
                if (named.contains(p.id())) bases.add(p);
            });
            RootFamilies resolver = RootFamilies.over(bases, schema);
            for (int k = 0; k < later.size(); k++) families[laterAt.get(k)] = familyCodes(resolver.keysOf(later.get(k)), shared);
        }

        private void read(Path csvFile, java.util.function.Consumer<Project> sink) throws IOException {
            try {
                Releases.readRows(csvFile, schema, raw -> sink.accept(Project.of(schema, raw)));
            } catch (SheetException | IllegalStateException e) {
                throw new IOException(csvFile + ": " + e.getMessage(), e);
            }
        }

        private int[] familyCodes(Set<String> keys, Map<Set<String>, int[]> shared) {
            return shared.computeIfAbsent(Set.copyOf(keys), k -> keys.stream().mapToInt(codes::code).toArray());
        }
    }
}
