package org.sovereignai.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.sovereignai.io.Hashes;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Schema;

/**
 * What consumers of a release depend on in the record contract: each field's name, type, multi-valuedness, and for
 * enum fields the allowed values. Recorded in every manifest, so the next release can tell whether the contract changed
 * in a way that breaks consumers (a field removed or renamed, retyped, made multi-valued or single, an enum value removed).
 */
public record SchemaContract(String version, String sha256, List<Field> fields) {

    public record Field(String name, String type, boolean multi, List<String> values) {
    }

    public static SchemaContract of(Schema schema) {
        List<Field> fields = new ArrayList<>();
        for (FieldSpec f : schema.fields()) {
            List<String> values = f.type() == FieldType.ENUM && f.vocabulary() != null
                    ? List.copyOf(new TreeSet<>(schema.vocabulary(f.vocabulary()).values()))
                    : List.of();
            fields.add(new Field(f.name(), f.type().name().toLowerCase(java.util.Locale.ROOT), f.multi(), values));
        }
        return new SchemaContract(schema.version(), sha256(schema), fields);
    }

    /**
     * SHA-256 over the bundled contract files: fields.csv, VERSION and every vocabulary, each preceded by its path and
     * length, in name order. The same contract gives the same hash on every machine.
     */
    static String sha256(Schema schema) {
        List<String> files = new ArrayList<>();
        files.add("fields.csv");
        files.add("VERSION");
        for (String v : new TreeSet<>(schema.vocabularies().keySet())) files.add("vocabularies/" + v + ".csv");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String path : files) {
            try (InputStream in = Schema.openResource(path)) {
                if (in == null) continue;
                byte[] bytes = in.readAllBytes();
                all.writeBytes((path + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
                all.writeBytes(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Hashes.sha256(all.toByteArray());
    }

    /** Why going from {@code previous} to this contract breaks consumers; empty when it does not. */
    public List<String> breakingChangesFrom(SchemaContract previous) {
        List<String> out = new ArrayList<>();
        Map<String, Field> now = new TreeMap<>();
        for (Field f : fields) now.put(f.name(), f);
        for (Field was : previous.fields()) {
            Field f = now.get(was.name());
            if (f == null) {
                out.add("field '" + was.name() + "' removed or renamed");
                continue;
            }
            if (!f.type().equals(was.type())) out.add("field '" + was.name() + "' retyped from " + was.type() + " to " + f.type());
            if (f.multi() != was.multi()) out.add("field '" + was.name() + "' is " + (f.multi() ? "now" : "no longer") + " multi-valued");
            for (String v : was.values()) {
                if (!f.values().isEmpty() && !f.values().contains(v)) out.add("value '" + v + "' removed from field '" + was.name() + "'");
            }
        }
        return out;
    }

    /** True when fields or enum values were added (a change that breaks no consumer). */
    public boolean differsFrom(SchemaContract previous) {
        return !this.fields.equals(previous.fields);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new TreeMap<>();
        m.put("version", version);
        m.put("sha256", sha256);
        List<Map<String, Object>> fs = new ArrayList<>();
        for (Field f : fields) {
            Map<String, Object> fm = new TreeMap<>();
            fm.put("name", f.name());
            fm.put("type", f.type());
            fm.put("multi", f.multi());
            if (!f.values().isEmpty()) fm.put("values", f.values());
            fs.add(fm);
        }
        m.put("fields", fs);
        return m;
    }

    static SchemaContract fromJson(com.fasterxml.jackson.databind.JsonNode node) {
        List<Field> fields = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode f : node.path("fields")) {
            List<String> values = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode v : f.path("values")) values.add(v.asText());
            fields.add(new Field(f.path("name").asText(), f.path("type").asText(), f.path("multi").asBoolean(), values));
        }
        return new SchemaContract(node.path("version").asText(), node.path("sha256").asText(), fields);
    }
}
