package org.sovereignai.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/** Small valid records and curator sheets for tests. */
public final class TestRecords {
    public static final Schema SCHEMA = Schema.bundled();

    private TestRecords() {
    }

    /** A valid compute record; override fields with name/value pairs. */
    public static Map<String, String> compute(String id, String... overrides) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", "Project " + id);
        m.put("layer", "compute");
        m.put("jurisdiction", "DE");
        m.put("lead_org", "Org of " + id);
        m.put("announced", "2024-Q2");
        m.put("sources", "https://example.org/" + id);
        for (int i = 0; i + 1 < overrides.length; i += 2) m.put(overrides[i], overrides[i + 1]);
        return m;
    }

    public static Map<String, String> model(String id, String... overrides) {
        Map<String, String> m = compute(id);
        m.put("layer", "models");
        m.put("build_approach", "base");
        m.put("release_status", "open_restricted");
        for (int i = 0; i + 1 < overrides.length; i += 2) m.put(overrides[i], overrides[i + 1]);
        return m;
    }

    public static Project project(Map<String, String> values) {
        String[] raw = new String[SCHEMA.fields().size()];
        for (Map.Entry<String, String> e : values.entrySet()) raw[SCHEMA.require(e.getKey()).index()] = e.getValue();
        return Project.of(SCHEMA, raw);
    }

    /** Writes a curator CSV with every contract column, rows in the given order. */
    @SafeVarargs
    public static Path sheet(Path file, Map<String, String>... rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (FieldSpec f : SCHEMA.fields()) header.add(f.name());
        sb.append(String.join(",", header)).append('\n');
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String h : header) cells.add(csv(row.getOrDefault(h, "")));
            sb.append(String.join(",", cells)).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
