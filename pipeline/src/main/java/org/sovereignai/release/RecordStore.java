package org.sovereignai.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import org.apache.commons.codec.digest.MurmurHash3;
import org.apache.commons.csv.CSVPrinter;
import org.sovereignai.record.BaseModelRef;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The records of a release being published, held as the bytes the release files will hold for them (a projects.csv
 * row, a projects.json object, sources.csv and base_models.csv rows), encoded once as each record arrives, in a few
 * large byte arrays rather than as a million {@link Project}s: the garbage collector has nothing to trace in them,
 * writing a file is copying bytes in id order, and the diff compares each row's hash with the previous release's rows
 * without parsing either. {@link #records()} gives the records back as projects, parsed on each access.
 */
final class RecordStore {
    /** One record: its id and where its pieces sit (base models length -1: resolved when written, it names a record). */
    private record Entry(String id, long csv, int csvLength, long json, int jsonLength, long sources, int sourcesLength,
                         long bases, int basesLength, long hashLo, long hashHi) {
    }

    private final Schema schema;
    private final SourceColumns checks;
    private final Vocabulary families;
    private final List<FieldSpec> byName;
    private final Arena csvBytes = new Arena();
    private final Arena jsonBytes = new Arena();
    private final Arena sourceBytes = new Arena();
    private final Arena baseBytes = new Arena();
    private final List<Entry> entries = new ArrayList<>();
    private final long[] layers = new long[Layer.values().length];
    private final StringBuilder sb = new StringBuilder(512);
    private final CSVPrinter csv;
    private final Bytes json = new Bytes();
    private final JsonGenerator generator;

    RecordStore(Schema schema, SourceColumns checks) {
        this.schema = schema;
        this.checks = checks == null ? SourceColumns.NONE : checks;
        this.families = schema.vocabulary(Schema.FAMILIES_VOCABULARY);
        List<FieldSpec> sorted = new ArrayList<>(schema.fields());
        sorted.sort(Comparator.comparing(FieldSpec::name));
        this.byName = List.copyOf(sorted);
        try {
            this.csv = new CSVPrinter(sb, ReleaseWriter.CSV);
            this.generator = ReleaseWriter.COMPACT.createGenerator(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a record: its pieces are encoded now, the project itself is not kept. */
    void add(Project p) {
        try {
            Layer layer = p.layer();
            if (layer != null) layers[layer.ordinal()]++;
            byte[] row = csvRow(p);
            long csvRef = csvBytes.append(row, 0, row.length);
            // the hash covers the row without its line end, as CanonicalCsv hashes a release file's rows
            long[] h = MurmurHash3.hash128x64(row, 0, row.length - 1, 0);
            json.reset();
            jsonObject(p, generator);
            generator.flush();
            long jsonRef = jsonBytes.append(json.buf(), 0, json.size());
            byte[] src = sourceRows(p);
            long srcRef = sourceBytes.append(src, 0, src.length);
            byte[] bases = baseRows(p, null);
            long basesRef = bases == null ? 0 : baseBytes.append(bases, 0, bases.length);
            entries.add(new Entry(p.id(), csvRef, row.length, jsonRef, json.size(), srcRef, src.length,
                    basesRef, bases == null ? -1 : bases.length, h[0], h[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // encoding into memory does not fail
        }
    }

    /** A projects.csv row, line end included. */
    private byte[] csvRow(Project p) throws IOException {
        sb.setLength(0);
        for (FieldSpec f : schema.fields()) csv.print(ReleaseWriter.csvValue(p, f));
        csv.println();
        return utf8();
    }

    /** A projects.json object: keys sorted, blanks left out, multi-valued fields as arrays, numbers as numbers. */
    private void jsonObject(Project p, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (FieldSpec f : byName) {
            Object v = p.typed(f);
            if (v == null) continue;
            g.writeFieldName(f.name());
            if (v instanceof List<?> list) {
                g.writeStartArray();
                for (Object o : list) g.writeString((String) o);
                g.writeEndArray();
            } else if (v instanceof java.math.BigDecimal d) {
                g.writeNumber(d);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else {
                g.writeString((String) v);
            }
        }
        g.writeEndObject();
    }

    /** sources.csv rows: one per URL, with the checker's columns (blank until it runs). */
    private byte[] sourceRows(Project p) throws IOException {
        sb.setLength(0);
        for (String url : p.list(Schema.SOURCES)) {
            Map<String, String> found = checks.lookup(p.id(), url);
            csv.print(p.id());
            csv.print(url);
            for (String c : SourceColumns.CHECK_COLUMNS) csv.print(found == null ? "" : nz(found.get(c)));
            csv.println();
        }
        return utf8();
    }

    /**
     * base_models.csv rows: one per base entry, with the family's vendor and vendor country; for a base naming another
     * record, its lead organisation and government. Null when such a record must be looked up and {@code byId} is null.
     */
    private byte[] baseRows(Project p, java.util.function.Function<String, Project> byId) throws IOException {
        sb.setLength(0);
        for (String entry : p.list(Schema.BASE_MODELS)) {
            BaseModelRef ref = BaseModelRef.parse(entry);
            String vendor = "";
            String country = "";
            if (families.contains(ref.family())) {
                vendor = nz(families.attribute(ref.family(), "vendor"));
                country = nz(families.attribute(ref.family(), "vendor_country"));
            } else {
                if (byId == null) return null;
                Project base = byId.apply(ref.family());
                if (base != null && base.layer() == Layer.MODELS) {
                    vendor = nz(base.get("lead_org"));
                    country = nz(base.get(Schema.JURISDICTION));
                }
            }
            csv.printRecord(p.id(), nz(p.name()), nz(p.get(Schema.JURISDICTION)), entry, ref.family(), nz(ref.variant()),
                    vendor, country);
        }
        return utf8();
    }

    private byte[] utf8() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Records per layer and in total, as the manifest counts them. */
    Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Layer l : Layer.values()) m.put(l.value(), layers[l.ordinal()]);
        m.put("total", (long) entries.size());
        return m;
    }

    /** Sorts the records by id (as a release lists them). */
    void sort() {
        entries.sort(Comparator.comparing(Entry::id));
    }

    int size() {
        return entries.size();
    }

    /** The record with this id (after {@link #sort}), or null. */
    Project find(String id) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = entries.get(mid).id().compareTo(id);
            if (c == 0) return project(mid);
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    /** The row of {@code table} with record i's id, or -1. */
    int find(int i, RowTable table) {
        byte[] id = entries.get(i).id().getBytes(StandardCharsets.UTF_8);
        return table.find(id, 0, id.length, RowTable.hashId(id, 0, id.length));
    }

    /** True when record i's row hashes like {@code table}'s row (the same bytes, in practice). */
    boolean sameRow(int i, RowTable table, int row) {
        Entry e = entries.get(i);
        return table.sameHash(row, e.hashLo(), e.hashHi());
    }

    /** The projects.csv rows, in order. */
    void writeCsv(OutputStream out) throws IOException {
        for (Entry e : entries) csvBytes.write(out, e.csv(), e.csvLength());
    }

    /** The projects.json objects, in order, separated by ",\n". */
    void writeJson(OutputStream out) throws IOException {
        boolean first = true;
        for (Entry e : entries) {
            if (!first) {
                out.write(',');
                out.write('\n');
            }
            first = false;
            jsonBytes.write(out, e.json(), e.jsonLength());
        }
    }

    /** The sources.csv rows, in order. */
    void writeSources(OutputStream out) throws IOException {
        for (Entry e : entries) sourceBytes.write(out, e.sources(), e.sourcesLength());
    }

    /** The base_models.csv rows, in order; rows naming another record are completed now that every record is known. */
    void writeBases(OutputStream out) throws IOException {
        Map<String, Project> bases = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.basesLength() >= 0) {
                baseBytes.write(out, e.bases(), e.basesLength());
            } else {
                out.write(baseRows(project(i), id -> bases.computeIfAbsent(id, this::find)));
            }
        }
    }

    /** Record i, parsed from its row. */
    Project project(int i) {
        Entry e = entries.get(i);
        byte[] row = new byte[e.csvLength()];
        csvBytes.copy(e.csv(), row);
        try {
            return Project.of(schema, CanonicalCsv.cells(row, 0, row.length - 1, schema.fields().size()));
        } catch (CanonicalCsv.NotCanonical x) {
            throw new IllegalStateException("a row this release wrote does not parse: " + x.getMessage(), x);
        }
    }

    /** The records in order, as an unmodifiable list that parses a record on each access (nothing is cached). */
    List<Project> records() {
        return new View();
    }

    private final class View extends AbstractList<Project> implements RandomAccess {
        @Override
        public Project get(int index) {
            return project(index);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }

    /** A ByteArrayOutputStream whose buffer can be read without a copy. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(1024);
        }

        byte[] buf() {
            return buf;
        }
    }

    /** Bytes appended into large chunks; a piece never spans two chunks. A reference is chunk << 32 | offset. */
    private static final class Arena {
        private static final int CHUNK = 8 << 20;
        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] current;
        private int used;

        long append(byte[] b, int off, int len) {
            if (current == null || used + len > current.length) {
                current = new byte[Math.max(CHUNK, len)];
                chunks.add(current);
                used = 0;
            }
            System.arraycopy(b, off, current, used, len);
            long ref = (long) (chunks.size() - 1) << 32 | used;
            used += len;
            return ref;
        }

        void write(OutputStream out, long ref, int len) throws IOException {
            out.write(chunks.get((int) (ref >>> 32)), (int) ref, len);
        }

        void copy(long ref, byte[] into) {
            System.arraycopy(chunks.get((int) (ref >>> 32)), (int) ref, into, 0, into.length);
        }
    }
}
