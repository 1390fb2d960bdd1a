package org.sovereignai.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The record contract: the fields of {@code schemas/fields.csv} and the vocabularies they name, read at start.
 * Nothing about fields or allowed values is hard-coded elsewhere; code names fields through the constants below.
 */
public final class Schema {
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String LAYER = "layer";
    public static final String JURISDICTION = "jurisdiction";
    public static final String PARTNER_JURISDICTIONS = "partner_jurisdictions";
    public static final String ANNOUNCED = "announced";
    public static final String SOURCES = "sources";
    public static final String ALIASES = "aliases";
    public static final String NOTES = "notes";
    public static final String BUILD_APPROACH = "build_approach";
    public static final String BASE_MODELS = "base_models";
    public static final String RELEASE_STATUS = "release_status";
    public static final String LICENSE = "license";
    public static final String ACCELERATOR_VENDORS = "accelerator_vendors";

    public static final String JURISDICTIONS_VOCABULARY = "jurisdictions";
    public static final String FAMILIES_VOCABULARY = "families";
    public static final String PERMISSIVE_LICENSES_VOCABULARY = "permissive_licenses";

    /** Where the schema files live inside the jar (copied from the top-level {@code schemas/} at build time). */
    public static final String RESOURCE_ROOT = "schemas/";

    private static volatile Schema bundled;

    private final List<FieldSpec> fields;
    private final Map<String, FieldSpec> byName;
    private final Map<String, Vocabulary> vocabularies;
    private final String version;
    private final int layerIndex;

    private Schema(List<FieldSpec> fields, Map<String, Vocabulary> vocabularies, String version) {
        this.fields = List.copyOf(fields);
        Map<String, FieldSpec> names = new LinkedHashMap<>();
        for (FieldSpec f : fields) names.put(f.name(), f);
        this.byName = Collections.unmodifiableMap(names);
        this.vocabularies = Collections.unmodifiableMap(vocabularies);
        this.version = version;
        FieldSpec layer = names.get(LAYER);
        this.layerIndex = layer == null ? -1 : layer.index();
    }

    /** Where the layer sits in a record's values (-1 without one): {@link Project#layer} runs on every record. */
    int layerIndex() {
        return layerIndex;
    }

    /** The schema packaged with the program. */
    public static Schema bundled() {
        Schema s = bundled;
        if (s == null) {
            synchronized (Schema.class) {
                if (bundled == null) bundled = load(Schema::openResource);
                s = bundled;
            }
        }
        return s;
    }

    /** Reads the schema from a folder laid out like the top-level {@code schemas/}. */
    public static Schema fromDirectory(Path dir) {
        return load(name -> {
            try {
                return Files.newInputStream(dir.resolve(name));
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Opens a file of the bundled schema folder, e.g. {@code project.schema.json}; null when absent. */
    public static InputStream openResource(String relativePath) {
        return Schema.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + relativePath);
    }

    interface Opener {
        InputStream open(String relativePath) throws IOException;
    }

    private static Schema load(Opener opener) {
        try {
            List<FieldSpec> fields = new ArrayList<>();
            for (CSVRecord r : readCsv(opener, "fields.csv")) {
                fields.add(new FieldSpec(
                        r.get("name"),
                        fields.size(),
                        FieldType.valueOf(r.get("type").toUpperCase(Locale.ROOT)),
                        layers(r.get("layers")),
                        "yes".equals(r.get("multi")),
                        "yes".equals(r.get("required")),
                        blankToNull(r.get("vocabulary")),
                        r.get("pattern").isBlank() ? null : Pattern.compile(r.get("pattern")),
                        r.get("minimum").isBlank() ? null : Double.valueOf(r.get("minimum")),
                        r.get("max_length").isBlank() ? 0 : Integer.parseInt(r.get("max_length")),
                        r.get("description"),
                        r.get("example")));
            }
            Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
            for (FieldSpec f : fields) {
                if (f.vocabulary() != null) vocabularies.computeIfAbsent(f.vocabulary(), n -> readVocabulary(opener, n));
            }
            for (String extra : List.of(JURISDICTIONS_VOCABULARY, FAMILIES_VOCABULARY, PERMISSIVE_LICENSES_VOCABULARY, "regions")) {
                vocabularies.computeIfAbsent(extra, n -> readVocabulary(opener, n));
            }
            vocabularies.values().removeIf(v -> v == null);
            String version;
            try (InputStream in = opener.open("VERSION")) {
                version = in == null ? "0.0.0" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            return new Schema(fields, vocabularies, version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema: " + e.getMessage(), e);
        }
    }

    private static Vocabulary readVocabulary(Opener opener, String name) {
        try {
            List<CSVRecord> rows = readCsv(opener, "vocabularies/" + name + ".csv");
            if (rows == null) return null;
            Map<String, Map<String, String>> entries = new LinkedHashMap<>();
            List<String> columns = List.of();
            for (CSVRecord r : rows) {
                columns = r.getParser().getHeaderNames();
                entries.put(r.get(0), r.toMap());
            }
            return new Vocabulary(name, columns, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CSVRecord> readCsv(Opener opener, String path) throws IOException {
        InputStream in = opener.open(path);
        if (in == null) {
            if (path.equals("fields.csv")) throw new IOException("schema file missing: " + path);
            return null;
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static Set<Layer> layers(String spec) {
        if (spec.isBlank() || spec.equals("all")) return EnumSet.allOf(Layer.class);
        EnumSet<Layer> set = EnumSet.noneOf(Layer.class);
        for (String part : spec.split("\\|")) set.add(Layer.of(part.strip()));
        return set;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Fields in contract order, which is also the template's column order. */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** The field of that name, or null. */
    public FieldSpec field(String name) {
        return byName.get(name);
    }

    /** The field of that name; fails when the contract has none (a programming error). */
    public FieldSpec require(String name) {
        FieldSpec f = byName.get(name);
        if (f == null) throw new IllegalArgumentException("no field " + name + " in the schema");
        return f;
    }

    public Vocabulary vocabulary(String name) {
        Vocabulary v = vocabularies.get(name);
        if (v == null) throw new IllegalArgumentException("no vocabulary " + name + " in the schema");
        return v;
    }

    public Map<String, Vocabulary> vocabularies() {
        return vocabularies;
    }

    /** The schema's own version (schemas/VERSION), bumped when the contract changes. */
    public String version() {
        return version;
    }
}
