package org.sovereignai.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import org.apache.commons.codec.digest.MurmurHash3;
import org.sovereignai.record.BaseModelRef;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Text;
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
    /** The JSON keys of {@link #byName}, encoded once (escaping each key for each record was a visible cost). */
    private final com.fasterxml.jackson.core.io.SerializedString[] keys;
    private final Arena csvBytes = new Arena();
    private final Arena jsonBytes = new Arena();
    private final Arena sourceBytes = new Arena();
    private final Arena baseBytes = new Arena();
    private final List<Entry> entries = new ArrayList<>();
    private final long[] layers = new long[Layer.values().length];
    private static final int BATCH = 512;
    private final java.util.concurrent.BlockingQueue<Project[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(16);
    private Project[] batch;
    private int batchSize;
    private Thread encoder;
    private volatile Throwable failure;
    private final StringBuilder sb = new StringBuilder(512);
    private final Bytes json = new Bytes();
    private final JsonGenerator generator;

    RecordStore(Schema schema, SourceColumns checks) {
        this.schema = schema;
        this.checks = checks == null ? SourceColumns.NONE : checks;
        this.families = schema.vocabulary(Schema.FAMILIES_VOCABULARY);
        List<FieldSpec> sorted = new ArrayList<>(schema.fields());
        sorted.sort(Comparator.comparing(FieldSpec::name));
        this.byName = List.copyOf(sorted);
        this.keys = new com.fasterxml.jackson.core.io.SerializedString[byName.size()];
        for (int i = 0; i < keys.length; i++) keys[i] = new com.fasterxml.jackson.core.io.SerializedString(byName.get(i).name());
        try {
            this.generator = ReleaseWriter.COMPACT.createGenerator(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a record. It is encoded on a helper thread (the caller, the validator, has its own work on the other core),
     * in batches through a bounded queue; the project itself is not kept. {@link #finish} waits for the last one.
     */
    void add(Project p) {
        if (batch == null) {
            batch = new Project[BATCH];
            if (encoder == null) startEncoder();
        }
        batch[batchSize++] = p;
        if (batchSize == BATCH) {
            hand(batch);
            batch = null;
            batchSize = 0;
        }
    }

    /** Waits until every record added is encoded; call before reading anything back. */
    void finish() {
        if (encoder == null) return;
        if (batch != null) hand(Arrays.copyOf(batch, batchSize));
        batch = null;
        batchSize = 0;
        hand(new Project[0]);
        try {
            encoder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding the records");
        }
        encoder = null;
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error err) throw err;
    }

    /** Stops the helper thread if it still runs (after a failure elsewhere). */
    void abandon() {
        if (encoder != null) encoder.interrupt();
    }

    private void hand(Project[] b) {
        if (failure != null) return;    // the encoder died; finish() reports why
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing records to the encoder");
        }
    }

    private void startEncoder() {
        encoder = new Thread(() -> {
            try {
                while (true) {
                    Project[] b = queue.take();
                    if (b.length == 0) return;
                    for (Project p : b) encode(p);
                }
            } catch (InterruptedException e) {
                // abandoned
            } catch (RuntimeException | Error e) {
                failure = e;
                queue.clear();
            }
        }, "release-encoder");
        encoder.setDaemon(true);
        encoder.start();
    }

    private void encode(Project p) {
        try {
            Layer layer = p.layer();
            if (layer != null) layers[layer.ordinal()]++;
            Object[] typed = new Object[schema.fields().size()];
            byte[] row = csvRow(p, typed);
            long csvRef = csvBytes.append(row, 0, row.length);
            // the hash covers the row without its line end, as CanonicalCsv hashes a release file's rows
            long[] h = MurmurHash3.hash128x64(row, 0, row.length - 1, 0);
            json.reset();
            jsonObject(p, typed, generator);
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

    /** A projects.csv row, line end included; numbers typed once, for the row and for the JSON object. */
    private byte[] csvRow(Project p, Object[] typed) {
        sb.setLength(0);
        for (FieldSpec f : schema.fields()) {
            String v = p.get(f);
            if (v != null && f.type().numeric() && !canonicalAsWritten(v, f.type() == FieldType.INTEGER)) {
                Object t = p.typed(f);
                typed[f.index()] = t;
                v = t instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(t);
            }
            CsvCells.cell(sb, v == null ? "" : v, f.index() == 0);
        }
        sb.append('\n');
        return utf8();
    }

    /**
     * True when a number's canonical text (what {@link Project#typed} gives, written plain) is the text itself, so it
     * need not be parsed (parsing every amount as a BigDecimal was a visible share of publishing): an optional minus, an
     * integer part without leading zeros and, for decimals, a fraction whose last digit is not zero; not "-0"; an
     * integer has at most 18 digits (a longer one may not fit a long).
     */
    static boolean canonicalAsWritten(String v, boolean integer) {
        int n = v.length();
        int i = n > 0 && v.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        while (i + digits < n && isDigit(v.charAt(i + digits))) digits++;
        if (digits == 0 || (digits > 1 && v.charAt(i) == '0')) return false;
        int end = i + digits;
        if (end == n) return !(i == 1 && digits == 1 && v.charAt(1) == '0') && (!integer || digits <= 18);
        if (integer || v.charAt(end) != '.' || end + 1 == n) return false;
        for (int k = end + 1; k < n; k++) if (!isDigit(v.charAt(k))) return false;
        return v.charAt(n - 1) != '0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A projects.json object: keys sorted, blanks left out, multi-valued fields as arrays, numbers as numbers. */
    private void jsonObject(Project p, Object[] typed, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (int k = 0; k < keys.length; k++) {
            FieldSpec f = byName.get(k);
            String raw = p.get(f);
            if (raw == null) continue;
            g.writeFieldName(keys[k]);
            if (f.multi()) {
                g.writeStartArray();
                for (String o : Text.splitCanonical(raw)) g.writeString(o);
                g.writeEndArray();
                continue;
            }
            Object v = f.type().numeric() ? typed[f.index()] : raw;
            if (v == null) {
                g.writeNumber(raw);     // already the number's canonical text
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
    private byte[] sourceRows(Project p) {
        sb.setLength(0);
        for (String url : p.list(Schema.SOURCES)) {
            Map<String, String> found = checks.lookup(p.id(), url);
            CsvCells.cell(sb, p.id(), true);
            CsvCells.cell(sb, url, false);
            for (String c : SourceColumns.CHECK_COLUMNS) CsvCells.cell(sb, found == null ? "" : nz(found.get(c)), false);
            sb.append('\n');
        }
        return utf8();
    }

    /**
     * base_models.csv rows: one per base entry, with the family's vendor and vendor country; for a base naming another
     * record, its lead organisation and government. Null when such a record must be looked up and {@code byId} is null.
     */
    private byte[] baseRows(Project p, java.util.function.Function<String, Project> byId) {
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
            CsvCells.record(sb, List.of(p.id(), nz(p.name()), nz(p.get(Schema.JURISDICTION)), entry, ref.family(),
                    nz(ref.variant()), vendor, country));
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

    /**
     * Sorts the records by id (as a release lists them). Comparing a million ids through their objects is mostly cache
     * misses, so the ids are first sorted as packed numbers (as many characters after the prefix all ids share as fit
     * beside the record's position, six bits each) and only runs that tie on those characters are compared as strings.
     * A valid id uses only '-', digits and lower-case letters; any other character takes the plain comparison.
     */
    void sort() {
        Comparator<Entry> byId = Comparator.comparing(Entry::id);
        int n = entries.size();
        int positionBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
        int chars = (64 - positionBits) / 6;
        if (n < 2 || chars < 2) {
            entries.sort(byId);
            return;
        }
        String first = entries.get(0).id();
        int common = first.length();
        for (Entry e : entries) {
            String id = e.id();
            int k = 0;
            int max = Math.min(common, id.length());
            while (k < max && id.charAt(k) == first.charAt(k)) k++;
            common = k;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            String id = entries.get(i).id();
            long key = 0;
            for (int k = common; k < common + chars; k++) {
                int code = k < id.length() ? idCode(id.charAt(k)) : 0;
                if (code < 0) {
                    entries.sort(byId);
                    return;
                }
                key = key << 6 | code;
            }
            keys[i] = key << positionBits | i;
        }
        Arrays.sort(keys);
        long positionMask = (1L << positionBits) - 1;
        Entry[] out = new Entry[n];
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && keys[j] >>> positionBits == keys[i] >>> positionBits) j++;
            for (int k = i; k < j; k++) out[k] = entries.get((int) (keys[k] & positionMask));
            if (j - i > 1) Arrays.sort(out, i, j, byId);
            i = j;
        }
        entries.clear();
        entries.addAll(Arrays.asList(out));
    }

    /** An id character as a number from 1 that keeps String order ('-' < digits < letters), or -1 for any other. */
    private static int idCode(char c) {
        if (c == '-') return 1;
        if (c >= '0' && c <= '9') return 2 + c - '0';
        if (c >= 'a' && c <= 'z') return 12 + c - 'a';
        return -1;
    }

    /** What matching the records with the previous release's rows by id found. */
    static final class Matched {
        private final RecordStore store;
        private long unchanged;
        private int[] oldRows = new int[16];
        private int oldCount;
        private Entry[] fresh = new Entry[16];
        private int freshCount;

        private Matched(RecordStore store) {
            this.store = store;
        }

        /** Records whose row is byte for byte the previous release's row. */
        long unchanged() {
            return unchanged;
        }

        /** The previous release's rows that were removed or differ, ascending. */
        int[] oldRows() {
            return Arrays.copyOf(oldRows, oldCount);
        }

        private void oldRow(int j) {
            if (oldCount == oldRows.length) oldRows = Arrays.copyOf(oldRows, oldCount * 2);
            oldRows[oldCount++] = j;
        }

        private void fresh(Entry e) {
            if (freshCount == fresh.length) fresh = Arrays.copyOf(fresh, freshCount * 2);
            fresh[freshCount++] = e;
        }

        /** The records that are new or differ. */
        List<Project> fresh() {
            List<Project> out = new ArrayList<>(freshCount);
            for (int k = 0; k < freshCount; k++) out.add(store.project(fresh[k]));
            return out;
        }
    }

    /**
     * Sorts the records by id and matches them with the previous release's rows, which a release file lists by id, so
     * one merge pass finds every pair: a record whose row hashes like the row with its id there is unchanged (128-bit
     * hashes of the same canonical encoding: equal in practice exactly when the bytes are).
     */
    Matched sortAndMatch(RowTable old) {
        if (!old.ascending()) throw new IllegalArgumentException("the previous release's rows are not sorted by id");
        sort();
        Matched m = new Matched(this);
        int j = 0;
        int rows = old.size();
        for (Entry e : entries) {
            String id = e.id();
            int c = -1;
            while (j < rows && (c = old.compareId(j, id)) < 0) m.oldRow(j++);
            if (j < rows && c == 0) {
                if (old.sameHash(j, e.hashLo(), e.hashHi())) {
                    m.unchanged++;
                } else {
                    m.oldRow(j);
                    m.fresh(e);
                }
                j++;
            } else {
                m.fresh(e);
            }
        }
        while (j < rows) m.oldRow(j++);
        return m;
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
        return project(entries.get(i));
    }

    private Project project(Entry e) {
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
