package org.sovereignai.release;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
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
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;
import org.sovereignai.record.BaseModelRef;
import org.sovereignai.record.CanonicalNumber;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;

/**
 * Writes one release's files into a folder (the temporary folder beside the target). Every file is UTF-8 without BOM,
 * {@code \n} line ends, records sorted by id, fixed number formatting; each file is hashed while written and forced to
 * disk before it is closed.
 */
final class ReleaseWriter {
    static final List<String> BASE_MODELS_COLUMNS =
            List.of("id", "name", "jurisdiction", "entry", "family", "variant", "vendor", "vendor_country");
    static final List<String> SOURCES_COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of("id", "url"));
        c.addAll(SourceColumns.CHECK_COLUMNS);
        SOURCES_COLUMNS = List.copyOf(c);
    }

    /** The CSV dialect of the release files: RFC 4180, "\n" after each record. */
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final Path dir;
    private final Schema schema;
    private final Map<String, Manifest.FileEntry> written = Collections.synchronizedMap(new TreeMap<>());

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
        return new BufferedOutputStream(new FilterOutputStream(Channels.newOutputStream(ch)) {
            long bytes;

            @Override
            public void write(int b) throws IOException {
                md.update((byte) b);
                bytes++;
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                md.update(b, off, len);
                bytes += len;
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
                ch.force(true);
                out.close();
                written.put(name, new Manifest.FileEntry(HexFormat.of().formatHex(md.digest()), bytes));
            }
        }, 1 << 16);
    }

    Writer createText(String name) throws IOException {
        // buffered in chars: CSVPrinter and the Markdown writer write in small pieces
        return new BufferedWriter(new OutputStreamWriter(create(name), StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * The four record files, in one pass over the records: projects.json (as {@link ProjectsJson} renders it),
     * projects.csv (the curator template's columns in contract order; multi-valued joined with "; "; numbers
     * canonical), base_models.csv (one row per models record x base entry, with the family's vendor and vendor country;
     * for a base naming another models record, found by {@code byId}, that record's lead organisation and government)
     * and sources.csv (one row per record x URL; the check columns from the sources checker, blank until it runs).
     * One pass, not four: each record is unpacked once (a 1M release: docs/benchmarks.md).
     */
    void recordFiles(List<Project> records, SourceColumns checks, Function<String, Project> byId) throws IOException {
        List<FieldSpec> fields = schema.fields();
        Vocabulary families = schema.vocabulary(Schema.FAMILIES_VOCABULARY);
        SourceColumns lookup = checks == null ? SourceColumns.NONE : checks;
        try (ProjectsJson json = new ProjectsJson(schema, create(ReleaseFiles.PROJECTS_JSON));
             CSVPrinter projects = new CSVPrinter(createText(ReleaseFiles.PROJECTS_CSV), CSV);
             CSVPrinter sources = new CSVPrinter(createText(ReleaseFiles.SOURCES_CSV), CSV);
             CSVPrinter bases = new CSVPrinter(createText(ReleaseFiles.BASE_MODELS_CSV), CSV)) {
            for (FieldSpec f : fields) projects.print(f.name());
            projects.println();
            sources.printRecord(SOURCES_COLUMNS);
            bases.printRecord(BASE_MODELS_COLUMNS);
            for (Project p : records) {
                json.add(p);
                for (FieldSpec f : fields) {
                    String v = p.get(f);
                    projects.print(v == null ? "" : f.type().numeric() ? CanonicalNumber.text(f.type(), v) : v);
                }
                projects.println();
                for (String url : p.list(Schema.SOURCES)) {
                    Map<String, String> found = lookup.lookup(p.id(), url);
                    sources.print(p.id());
                    sources.print(url);
                    for (String c : SourceColumns.CHECK_COLUMNS) sources.print(found == null ? "" : nz(found.get(c)));
                    sources.println();
                }
                for (String entry : p.list(Schema.BASE_MODELS)) {
                    BaseModelRef ref = BaseModelRef.parse(entry);
                    String vendor = "";
                    String country = "";
                    if (families.contains(ref.family())) {
                        vendor = nz(families.attribute(ref.family(), "vendor"));
                        country = nz(families.attribute(ref.family(), "vendor_country"));
                    } else {
                        Project base = byId.apply(ref.family());
                        if (base != null && base.layer() == Layer.MODELS) {
                            vendor = nz(base.get("lead_org"));
                            country = nz(base.get(Schema.JURISDICTION));
                        }
                    }
                    bases.printRecord(p.id(), nz(p.name()), nz(p.get(Schema.JURISDICTION)), entry, ref.family(),
                            nz(ref.variant()), vendor, country);
                }
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    void changes(ChangesReport report) throws IOException {
        try (OutputStream out = create(ReleaseFiles.CHANGES_JSON)) {
            report.writeJson(out);
        }
    }

    void changesMarkdown(ChangesReport report) throws IOException {
        try (Writer w = createText(ReleaseFiles.CHANGES_MD)) {
            report.writeMarkdown(w);
        }
    }

    /** datapackage.json: a Frictionless Data Package describing the CSV resources, their Table Schemas and hashes. */
    void datapackage(ReleaseId id, SemVer version, String date, DataLicense license) throws IOException {
        Map<String, Object> pkg = new TreeMap<>();
        pkg.put("profile", "tabular-data-package");
        pkg.put("name", "sovereign-ai-index");
        pkg.put("title", "Sovereign AI Index " + id);
        pkg.put("id", "sovereign-ai-index/" + id);
        pkg.put("version", version.toString());
        pkg.put("created", date);
        pkg.put("licenses", List.of(license.toDatapackage()));
        List<Object> resources = new ArrayList<>();
        resources.add(resource("projects", ReleaseFiles.PROJECTS_CSV, projectsTableSchema()));
        resources.add(resource("base_models", ReleaseFiles.BASE_MODELS_CSV, longTableSchema(BASE_MODELS_COLUMNS)));
        resources.add(resource("sources", ReleaseFiles.SOURCES_CSV, longTableSchema(SOURCES_COLUMNS)));
        pkg.put("resources", resources);
        try (OutputStream out = create(ReleaseFiles.DATAPACKAGE_JSON)) {
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
            if (name.equals(ReleaseFiles.MANIFEST_JSON)) continue;
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
        try (OutputStream out = create(ReleaseFiles.MANIFEST_JSON)) {
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
