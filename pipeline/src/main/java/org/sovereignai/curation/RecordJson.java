package org.sovereignai.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import org.sovereignai.io.Json;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

import com.fasterxml.jackson.core.type.TypeReference;

/** A record stored in the database: a JSON object of its non-blank fields' canonical text, keys sorted. */
final class RecordJson {
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() { };

    private RecordJson() {
    }

    static String write(Project p) {
        Map<String, String> m = new TreeMap<>();
        for (FieldSpec f : p.schema().fields()) {
            String v = p.get(f);
            if (v != null) m.put(f.name(), v);
        }
        return write(m);
    }

    static String write(Map<String, String> values) {
        try {
            return Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new TreeMap<>(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> map(String json) {
        try {
            return Json.mapper().readValue(json, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored record is not JSON: " + e.getMessage(), e);
        }
    }

    static Project read(Schema schema, String json) {
        Map<String, String> m = map(json);
        String[] raw = new String[schema.fields().size()];
        for (FieldSpec f : schema.fields()) raw[f.index()] = m.get(f.name());
        return Project.of(schema, raw);
    }
}
