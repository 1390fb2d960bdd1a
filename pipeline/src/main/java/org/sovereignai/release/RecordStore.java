package org.sovereignai.release;

import java.io.IOException;
import java.io.OutputStream;
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
import org.sovereignai.record.Vocabulary;


/**
 * The records of a release being published, held as the bytes the release files will hold for them (a projects.csv
 * row, sources.csv and base_models.csv rows), encoded once as each record arrives, in a few large byte arrays rather
 * than as a million {@link Project}s: the garbage collector has nothing to trace in them, writing a file is copying
 * bytes in id order (projects.json objects are made from the CSV rows then, {@link JsonFromCsv}), and the diff compares
 * each row's hash with the previous release's rows without parsing either. {@link #records()} gives the records back as
 * projects, parsed on each access.
 */
final class RecordStore {
    /** One record: its id and where its pieces sit (base models length -1: resolved when written, it names a record). */
    private record Entry(String id, int seq, long csv, int csvLength, long sources, int sourcesLength,
                         long bases, int basesLength, long hashLo, long hashHi) {
    }

    private final Schema schema;
    private final SourceColumns checks;
    private final Vocabulary families;
    private final Arena csvBytes = new Arena();
    private final Arena sourceBytes = new Arena();
    private final Arena baseBytes = new Arena();
    private final List<Entry> entries = new ArrayList<>();
    private final long[] layers = new long[Layer.values().length];
    /**
     * Every record's id once more, as its chars (ids are ASCII; a char above 0xFF is kept as 0xFF, which no id
     * alphabet uses, so such an id is noticed), one after another in arrival order: sorting and matching a million
     * records walk these few megabytes instead of a million strings scattered over the heap.
     */
    private byte[] idChars = new byte[1 << 16];
    private int[] idEnd = new int[1 << 10];
    private int idCount;
    private static final int BATCH = 512;
    private final java.util.concurrent.BlockingQueue<Project[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(16);
    private Project[] batch;
    private int batchSize;
    private Thread encoder;
    private volatile Throwable failure;
    private final StringBuilder sb = new StringBuilder(512);

    RecordStore(Schema schema, SourceColumns checks) {
        this.schema = schema;
        this.checks = checks == null ? SourceColumns.NONE : checks;
        this.families = schema.vocabulary(Schema.FAMILIES_VOCABULARY);
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
        Layer layer = p.layer();
        if (layer != null) layers[layer.ordinal()]++;
        byte[] row = csvRow(p);
        long csvRef = csvBytes.append(row, 0, row.length);
        // the hash covers the row without its line end, as CanonicalCsv hashes a release file's rows
        long[] h = MurmurHash3.hash128x64(row, 0, row.length - 1, 0);
        byte[] src = sourceRows(p);
        long srcRef = sourceBytes.append(src, 0, src.length);
        byte[] bases = baseRows(p, null);
        long basesRef = bases == null ? 0 : baseBytes.append(bases, 0, bases.length);
        addId(p.id());
        entries.add(new Entry(p.id(), entries.size(), csvRef, row.length, srcRef, src.length,
                basesRef, bases == null ? -1 : bases.length, h[0], h[1]));
    }

    private void addId(String id) {
        int n = id.length();
        int start = idCount == 0 ? 0 : idEnd[idCount - 1];
        if (start + n > idChars.length) idChars = Arrays.copyOf(idChars, Math.max(idChars.length * 2, start + n));
        if (idCount == idEnd.length) idEnd = Arrays.copyOf(idEnd, idCount * 2);
        for (int k = 0; k < n; k++) idChars[start + k] = (byte) Math.min(id.charAt(k), 0xFF);
        idEnd[idCount++] = start + n;
    }

    private int idStart(int seq) {
        return seq == 0 ? 0 : idEnd[seq - 1];
    }

    /** A projects.csv row, line end included; numbers in their canonical text. */
    private byte[] csvRow(Project p) {
        sb.setLength(0);
        for (FieldSpec f : schema.fields()) {
            String v = p.get(f);
            if (v != null && f.type().numeric() && !canonicalAsWritten(v, f.type() == FieldType.INTEGER)) {
                Object t = p.typed(f);
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
        // entries are still in arrival order here: record i's id is slot i of idChars
        int common = idEnd[0];
        for (int i = 1; i < n; i++) {
            int s = idStart(i);
            int k = 0;
            int max = Math.min(common, idEnd[i] - s);
            while (k < max && idChars[s + k] == idChars[k]) k++;
            common = k;
        }
        // the two halves are keyed and sorted on two threads, then merged
        long[] unmerged = new long[n];
        int half = n / 2;
        int prefix = common;
        java.util.concurrent.FutureTask<Boolean> low = Tasks.start("release-sort",
                () -> keyAndSort(unmerged, 0, half, prefix, chars, positionBits));
        boolean highOk = keyAndSort(unmerged, half, n, prefix, chars, positionBits);
        boolean lowOk;
        try {
            lowOk = Tasks.await(low, "sorting the records");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!lowOk || !highOk) {
            entries.sort(byId);
            return;
        }
        long[] keys = new long[n];
        for (int i = 0, a = 0, b = half; i < n; i++) {
            keys[i] = b >= n || (a < half && unmerged[a] < unmerged[b]) ? unmerged[a++] : unmerged[b++];
        }
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

    /**
     * Keys records [from, to) into {@code keys} (the id's characters after the common prefix, then the position) and
     * sorts that range; false when an id has a character outside the id alphabet.
     */
    private boolean keyAndSort(long[] keys, int from, int to, int common, int chars, int positionBits) {
        for (int i = from; i < to; i++) {
            int s = idStart(i);
            int len = idEnd[i] - s;
            long key = 0;
            for (int k = common; k < common + chars; k++) {
                int code = k < len ? idCode((char) (idChars[s + k] & 0xFF)) : 0;
                if (code < 0) return false;
                key = key << 6 | code;
            }
            keys[i] = key << positionBits | i;
        }
        Arrays.sort(keys, from, to);
        return true;
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
     * Matches the sorted records with the previous release's rows, which a release file lists by id, so one merge pass
     * finds every pair: a record whose row hashes like the row with its id there is unchanged (128-bit hashes of the
     * same canonical encoding: equal in practice exactly when the bytes are). Call after {@link #sort}.
     */
    Matched match(RowTable old) {
        if (!old.ascending()) throw new IllegalArgumentException("the previous release's rows are not sorted by id");
        Matched m = new Matched(this);
        int j = 0;
        int rows = old.size();
        for (Entry e : entries) {
            int s = idStart(e.seq());
            int t = idEnd[e.seq()];
            int c = -1;
            while (j < rows && (c = old.compareId(j, idChars, s, t)) < 0) m.oldRow(j++);
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

    /** Records per block when projects.json is made on two threads. */
    private static final int JSON_BLOCK = 4096;

    /**
     * The projects.json objects, in order, separated by ",\n": made from each record's projects.csv row as it is
     * written. Making them is most of the work of the largest file, so blocks of records alternate between this thread,
     * which writes its blocks straight out, and a helper, whose blocks wait in a short queue for their turn.
     */
    void writeJson(OutputStream out) throws IOException {
        int n = entries.size();
        int blocks = (n + JSON_BLOCK - 1) / JSON_BLOCK;
        JsonFromCsv json = new JsonFromCsv(schema);
        if (blocks < 4) {
            writeObjects(out, json, 0, n);
            return;
        }
        java.util.concurrent.BlockingQueue<byte[]> odd = new java.util.concurrent.ArrayBlockingQueue<>(8);
        java.util.concurrent.FutureTask<Void> helper = Tasks.start("release-json-helper", () -> {
            JsonFromCsv mine = new JsonFromCsv(schema);
            java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream(1 << 20);
            for (int b = 1; b < blocks; b += 2) {
                block.reset();
                writeObjects(block, mine, b * JSON_BLOCK, Math.min(n, (b + 1) * JSON_BLOCK));
                odd.put(block.toByteArray());
            }
            return null;
        });
        try {
            for (int b = 0; b < blocks; b++) {
                if (b % 2 == 0) {
                    writeObjects(out, json, b * JSON_BLOCK, Math.min(n, (b + 1) * JSON_BLOCK));
                } else {
                    out.write(take(odd, helper));
                }
            }
        } finally {
            helper.cancel(true);
        }
    }

    /** The next block from the helper, or the helper's failure. */
    private static byte[] take(java.util.concurrent.BlockingQueue<byte[]> queue, java.util.concurrent.FutureTask<Void> helper)
            throws IOException {
        try {
            while (true) {
                byte[] b = queue.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (b != null) return b;
                if (helper.isDone()) {
                    Tasks.await(helper, "making projects.json");   // throws its failure
                    throw new IllegalStateException("the projects.json helper stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing projects.json");
        }
    }

    /** Objects of records [from, to), each after ",\n" except the very first record's. */
    private void writeObjects(OutputStream out, JsonFromCsv json, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            if (i > 0) {
                out.write(',');
                out.write('\n');
            }
            Entry e = entries.get(i);
            byte[] chunk = csvBytes.chunk(e.csv());
            int at = (int) e.csv();
            byte[] object = json.object(chunk, at, at + e.csvLength() - 1);
            out.write(object, 0, json.size());
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

        /** The chunk holding the piece at {@code ref}; the piece starts at {@code (int) ref}. */
        byte[] chunk(long ref) {
            return chunks.get((int) (ref >>> 32));
        }

        void copy(long ref, byte[] into) {
            System.arraycopy(chunks.get((int) (ref >>> 32)), (int) ref, into, 0, into.length);
        }
    }
}
