package org.sovereignai.release;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Schema;


/**
 * Writes one release's files into a folder (the temporary folder beside the target). Every file is UTF-8 without BOM,
 * {@code \n} line ends, records sorted by id, fixed number formatting; each file is hashed while written and forced to
 * disk before it is closed.
 */
final class ReleaseWriter {
    static final String PROJECTS_JSON = "projects.json";
    static final String PROJECTS_CSV = "projects.csv";
    static final String BASE_MODELS_CSV = "base_models.csv";
    static final String SOURCES_CSV = "sources.csv";
    static final String CHANGES_JSON = "changes.json";
    static final String CHANGES_MD = "CHANGES.md";
    static final String DATAPACKAGE_JSON = "datapackage.json";
    static final List<String> CORE_FILES = List.of(PROJECTS_JSON, PROJECTS_CSV, BASE_MODELS_CSV, SOURCES_CSV,
            CHANGES_JSON, CHANGES_MD, DATAPACKAGE_JSON, Manifest.FILE);

    static final List<String> BASE_MODELS_COLUMNS =
            List.of("id", "name", "jurisdiction", "entry", "family", "variant", "vendor", "vendor_country");
    static final List<String> SOURCES_COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of("id", "url"));
        c.addAll(SourceColumns.CHECK_COLUMNS);
        SOURCES_COLUMNS = List.copyOf(c);
    }

    /** How many bytes of a file are written between two forces to disk while it is being written. */
    private static final long FORCE_STEP = 64L << 20;

    /** The CSV dialect of the release files (RFC 4180, "\n" after each record); {@link CsvCells} writes exactly it. */
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final Path dir;
    private final Schema schema;
    private final Map<String, Manifest.FileEntry> written = Collections.synchronizedMap(new TreeMap<>());
    private final List<java.util.concurrent.Future<?>> syncs = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.ExecutorService syncer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "release-fsync");
        t.setDaemon(true);
        return t;
    });

    ReleaseWriter(Path dir, Schema schema) {
        this.dir = dir;
        this.schema = schema;
    }

    /** A file in the folder, hashed as it is written, forced to disk on close. */
    OutputStream create(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        MessageDigest md = Hashes.sha256();
        OutputStream raw = Channels.newOutputStream(ch);
        return new BufferedOutputStream(new FilterOutputStream(raw) {
            long bytes;

            @Override
            public void write(int b) throws IOException {
                md.update((byte) b);
                bytes++;
                out.write(b);
            }

            private long forcedAt;
            private java.util.concurrent.Future<?> forcing;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                md.update(b, off, len);
                bytes += len;
                out.write(b, off, len);
                // a large file is forced to disk in steps while it is written, so the wait at the end is for its tail only
                if (bytes - forcedAt >= FORCE_STEP && (forcing == null || forcing.isDone())) {
                    forcedAt = bytes;
                    forcing = syncer.submit(() -> {
                        ch.force(false);
                        return null;
                    });
                    syncs.add(forcing);
                }
            }

            @Override
            public void close() throws IOException {
                out.flush();
                written.put(name, new Manifest.FileEntry(HexFormat.of().formatHex(md.digest()), bytes));
                // forced to disk on the syncer thread while the next file is written; awaitDisk() waits for all
                syncs.add(syncer.submit(() -> {
                    try (ch) {
                        ch.force(true);
                    }
                    return null;
                }));
            }
        }, 1 << 16);
    }

    /** Waits until every file written so far is on disk (before the folder is forced and renamed). */
    void awaitDisk() throws IOException {
        try {
            for (java.util.concurrent.Future<?> f : syncs) Tasks.await(f, "forcing the release to disk");
        } finally {
            syncs.clear();
        }
    }

    /** Stops the syncer thread (after {@link #awaitDisk}, or when the release is abandoned). */
    void close() {
        syncer.shutdownNow();
    }

    Writer createText(String name) throws IOException {
        // buffered in chars: CHANGES.md is written in small pieces, and an unbuffered encoder costs more than the text
        return new java.io.BufferedWriter(new OutputStreamWriter(create(name), StandardCharsets.UTF_8), 1 << 16);
    }

    /** projects.json: an array of records sorted by id, one compact object per line, keys sorted, blanks left out. */
    void projectsJson(RecordStore records) throws IOException {
        try (OutputStream out = create(PROJECTS_JSON)) {
            out.write(ascii(records.size() == 0 ? "[" : "[\n"));
            records.writeJson(out);
            out.write(ascii(records.size() == 0 ? "]\n" : "\n]\n"));
        }
    }

    /** projects.csv: the curator template's columns in contract order; multi-valued joined with "; ". */
    void projectsCsv(RecordStore records) throws IOException {
        try (OutputStream out = create(PROJECTS_CSV)) {
            out.write(csvLine(schema.fields().stream().map(FieldSpec::name).toList()));
            records.writeCsv(out);
        }
    }

    /** base_models.csv: one row per models record x base entry, with the family's vendor and vendor country. */
    void baseModelsCsv(RecordStore records) throws IOException {
        try (OutputStream out = create(BASE_MODELS_CSV)) {
            out.write(csvLine(BASE_MODELS_COLUMNS));
            records.writeBases(out);
        }
    }

    /** sources.csv: one row per record x URL; the check columns come from the sources checker, blank until it runs. */
    void sourcesCsv(RecordStore records) throws IOException {
        try (OutputStream out = create(SOURCES_CSV)) {
            out.write(csvLine(SOURCES_COLUMNS));
            records.writeSources(out);
        }
    }

    private static byte[] csvLine(List<String> cells) throws IOException {
        StringBuilder sb = new StringBuilder();
        CsvCells.record(sb, cells);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    void changes(ChangesReport report) throws IOException {
        try (OutputStream out = create(CHANGES_JSON)) {
            report.writeJson(out);
        }
    }

    void changesMarkdown(ChangesReport report) throws IOException {
        try (Writer w = createText(CHANGES_MD)) {
            report.writeMarkdown(w);
        }
    }

    /** datapackage.json: a Frictionless Data Package describing the CSV resources, their Table Schemas and hashes. */
    void datapackage(ReleaseId id, SemVer version, String date) throws IOException {
        Map<String, Object> pkg = new TreeMap<>();
        pkg.put("profile", "tabular-data-package");
        pkg.put("name", "sovereign-ai-index");
        pkg.put("title", "Sovereign AI Index " + id);
        pkg.put("id", "sovereign-ai-index/" + id);
        pkg.put("version", version.toString());
        pkg.put("created", date);
        List<Object> resources = new ArrayList<>();
        resources.add(resource("projects", PROJECTS_CSV, projectsTableSchema()));
        resources.add(resource("base_models", BASE_MODELS_CSV, longTableSchema(BASE_MODELS_COLUMNS)));
        resources.add(resource("sources", SOURCES_CSV, longTableSchema(SOURCES_COLUMNS)));
        pkg.put("resources", resources);
        try (OutputStream out = create(DATAPACKAGE_JSON)) {
            Json.write(pkg, out);
        }
    }

    private Map<String, Object> resource(String name, String path, Map<String, Object> tableSchema) {
        Manifest.FileEntry e = written.get(path);
        Map<String, Object> r = new TreeMap<>();
        r.put("name", name);
        r.put("path", path);
        r.put("profile", "tabular-data-resource");
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        r.put("encoding", "utf-8");
        r.put("hash", "sha256:" + e.sha256());
        r.put("bytes", e.bytes());
        r.put("dialect", Map.of("delimiter", ",", "lineTerminator", "\n", "quoteChar", "\"", "doubleQuote", true, "header", true));
        r.put("schema", tableSchema);
        return r;
    }

    private Map<String, Object> projectsTableSchema() {
        List<Object> fields = new ArrayList<>();
        for (FieldSpec f : schema.fields()) {
            Map<String, Object> m = new TreeMap<>();
            m.put("name", f.name());
            m.put("type", f.type() == FieldType.INTEGER ? "integer" : f.type() == FieldType.NUMBER ? "number" : "string");
            String desc = f.description() == null ? "" : f.description();
            if (f.multi()) desc += (desc.isEmpty() ? "" : ". ") + "Several values separated by '; '";
            if (!f.common()) {
                desc += (desc.isEmpty() ? "" : ". ") + "Only for layer " + String.join(", ",
                        f.layers().stream().map(Layer::value).sorted().toList());
            }
            if (!desc.isEmpty()) m.put("description", desc);
            Map<String, Object> c = new TreeMap<>();
            if (f.required() && f.common()) c.put("required", true);
            if (f.type() == FieldType.ID) c.put("unique", true);
            if (!f.multi() && f.type() == FieldType.ENUM && f.vocabulary() != null) {
                c.put("enum", List.copyOf(schema.vocabulary(f.vocabulary()).values()));
            }
            if (!f.multi() && f.pattern() != null) c.put("pattern", unanchored(f.pattern().pattern()));
            if (f.minimum() != null) c.put("minimum", f.type() == FieldType.INTEGER ? (Object) f.minimum().longValue() : f.minimum());
            if (f.maxLength() > 0 && !f.multi()) c.put("maxLength", f.maxLength());
            if (!c.isEmpty()) m.put("constraints", c);
            fields.add(m);
        }
        Map<String, Object> s = new TreeMap<>();
        s.put("fields", fields);
        s.put("primaryKey", List.of("id"));
        s.put("missingValues", List.of(""));
        return s;
    }

    private static Map<String, Object> longTableSchema(List<String> columns) {
        List<Object> fields = new ArrayList<>();
        for (String c : columns) fields.add(new TreeMap<>(Map.of("name", c, "type", "string")));
        Map<String, Object> s = new TreeMap<>();
        s.put("fields", fields);
        s.put("missingValues", List.of(""));
        Map<String, Object> ref = new TreeMap<>(Map.of("resource", "projects", "fields", List.of("id")));
        s.put("foreignKeys", List.of(new TreeMap<>(Map.of("fields", List.of("id"), "reference", ref))));
        return s;
    }

    /** Table Schema patterns match the whole value implicitly. */
    private static String unanchored(String p) {
        String s = p.startsWith("^") ? p.substring(1) : p;
        return s.endsWith("$") ? s.substring(0, s.length() - 1) : s;
    }

    /** Every file in the folder except the manifest, with its hash (from writing, or read back for artifacts' files). */
    Map<String, Manifest.FileEntry> inventory() throws IOException {
        Map<String, Manifest.FileEntry> out = new TreeMap<>();
        for (String name : listFiles(dir)) {
            if (name.equals(Manifest.FILE)) continue;
            Manifest.FileEntry e = written.get(name);
            if (e == null) {
                Path f = dir.resolve(name);
                e = new Manifest.FileEntry(Hashes.sha256(f), Files.size(f));
                forceToDisk(f);
            }
            out.put(name, e);
        }
        return out;
    }

    void manifest(Manifest m) throws IOException {
        try (OutputStream out = create(Manifest.FILE)) {
            out.write(m.toJson().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Relative paths ('/'-separated) of every regular file under the folder, sorted. */
    static List<String> listFiles(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        Collections.sort(out);
        return out;
    }

    static void forceToDisk(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(path)) throw e; // some platforms cannot open folders; files must be forced
        }
    }

}
