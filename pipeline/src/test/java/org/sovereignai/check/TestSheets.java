package org.sovereignai.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.CellRef;
import org.sovereignai.sheet.Position;

/** Builds curator sheets for tests and asserts findings by code and position (shared with the sheet tests). */
public final class TestSheets {
    public static final Schema SCHEMA = Schema.bundled();

    private TestSheets() {
    }

    public static Map<String, String> record(String id, String layer) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("name", "Project " + id);
        r.put("layer", layer);
        r.put("jurisdiction", "FR");
        r.put("lead_org", "Ministry of Digital Affairs");
        r.put("announced", "2024-Q2");
        r.put("status", "announced");
        r.put("sources", "https://example.gov/" + id);
        switch (layer) {
            case "models" -> {
                r.put("build_approach", "scratch");
                r.put("release_status", "open_permissive");
                r.put("license", "Apache-2.0");
            }
            case "compute" -> {
                r.put("accelerator_vendors", "nvidia");
                r.put("accelerator_count", "1024");
                r.put("power_mw", "2.5");
            }
            case "data" -> {
                r.put("data_type", "text corpus");
                r.put("languages", "fr; br");
            }
            default -> {
            }
        }
        return r;
    }

    public static Map<String, String> with(Map<String, String> record, String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(record);
        if (value == null) copy.remove(field);
        else copy.put(field, value);
        return copy;
    }

    /** A CSV with every contract column in contract order, one line per record. */
    public static Path csv(Path dir, String name, List<Map<String, String>> records) throws IOException {
        List<String> header = new ArrayList<>();
        for (FieldSpec f : SCHEMA.fields()) header.add(f.name());
        StringBuilder sb = new StringBuilder(String.join(",", header)).append("\r\n");
        for (Map<String, String> r : records) {
            sb.append(header.stream().map(h -> quote(r.getOrDefault(h, ""))).collect(Collectors.joining(","))).append("\r\n");
        }
        return text(dir, name, sb.toString());
    }

    public static Path text(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The column letter of a field in sheets written by {@link #csv}. */
    public static String col(String field) {
        return CellRef.column(SCHEMA.require(field).index());
    }

    public static Report validate(Path file) {
        return new Validator(SCHEMA).validate(file, null, r -> { });
    }

    public static List<Finding> all(Report report, String code) {
        return report.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    /** The one finding with that code (fails listing every finding otherwise). */
    public static Finding only(Report report, String code) {
        List<Finding> found = all(report, code);
        if (found.size() != 1) fail("expected one " + code + " finding, got " + found.size() + ": " + describe(report));
        return found.get(0);
    }

    /** Asserts the finding's code (a documented one), row, column and cell. */
    public static Finding assertAt(Finding f, String code, Integer row, String column, String cell) {
        assertNotNull(Code.of(f.code()), "undocumented code " + f.code());
        Position p = f.position();
        assertEquals(code, f.code(), () -> "code of " + f);
        assertEquals(row, p.row(), () -> "row of " + f);
        assertEquals(column, p.column(), () -> "column of " + f);
        assertEquals(cell, p.cell(), () -> "cell of " + f);
        assertEquals(Code.of(code).severity(), f.severity(), () -> "severity of " + f);
        return f;
    }

    /** Finds the one finding of that code and asserts its position. */
    public static Finding assertOne(Report report, String code, Integer row, String column, String cell) {
        return assertAt(only(report, code), code, row, column, cell);
    }

    public static String describe(Report report) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : report.findings()) sb.append("\n  ").append(f.code()).append(' ').append(f.position().describe()).append(": ").append(f.message());
        return sb.toString();
    }

    public static void assertNoFindings(Report report) {
        if (!report.findings().isEmpty()) fail("expected no findings:" + describe(report));
    }
}
