package org.sovereignai.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.PartialDate;
import org.sovereignai.record.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The published JSON Schema and the Java validator agree: the committed file is exactly what the generator makes,
 * and the same records (valid and invalid) get the same verdict from both.
 */
class JsonSchemaAgreementTest {
    private static final com.networknt.schema.Schema JSON_SCHEMA = SchemaRegistry
            .withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(org.sovereignai.io.Json.mapper().valueToTree(ProjectJsonSchema.generate(TestSheets.SCHEMA)));

    @TempDir
    Path dir;

    @Test
    void theCommittedSchemaIsTheGeneratedOne() throws IOException {
        Path committed = Path.of(System.getProperty("sai.home", ".."), "schemas", "project.schema.json");
        assertEquals(ProjectJsonSchema.render(TestSheets.SCHEMA), Files.readString(committed, StandardCharsets.UTF_8),
                "schemas/project.schema.json is stale: run ./sai schema --output schemas/project.schema.json");
    }

    @Test
    void theSchemaIsDraft2020AndEveryPatternIsAnchored() {
        JsonNode schema = org.sovereignai.io.Json.mapper().valueToTree(ProjectJsonSchema.generate(TestSheets.SCHEMA));
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        List<String> patterns = new ArrayList<>();
        schema.findValues("pattern").forEach(p -> patterns.add(p.asText()));
        assertTrue(patterns.size() >= 6);
        for (String p : patterns) {
            if (p.equals(ProjectJsonSchema.NOT_BLANK)) continue;
            assertTrue(p.startsWith("^") && p.endsWith("$"), p);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String layer : List.of("models", "compute", "data")) cases.add(Arguments.of("valid " + layer, TestSheets.record("a", layer), true));
        Map<String, String> m = TestSheets.record("m", "models");
        Map<String, String> c = TestSheets.record("c", "compute");
        Map<String, String> d = TestSheets.record("d", "data");
        Object[][] variants = {
                {m, "id", "Bad Id", false}, {m, "id", "a".repeat(64), true}, {m, "id", "a".repeat(65), false}, {m, "id", null, false},
                {m, "name", null, false}, {m, "name", "x".repeat(500), true}, {m, "name", "x".repeat(501), false},
                {m, "layer", "model", false}, {m, "layer", null, false},
                {m, "jurisdiction", "BR-PI", true}, {m, "jurisdiction", "EU", true}, {m, "jurisdiction", "UK", false},
                {m, "jurisdiction", "EU-FR", false}, {m, "jurisdiction", "br-pi", false}, {m, "jurisdiction", "BR-PIAU", false},
                {m, "partner_jurisdictions", "SG; XX", false}, {m, "partner_jurisdictions", "SG; IN-KA", true},
                {m, "lead_org", null, false},
                {m, "announced", "2024-Q4", true}, {m, "announced", "2024-Q0", false}, {m, "announced", "2024-13", false},
                {m, "announced", "2024-02-29", true}, {m, "announced", "2023-02-29", false}, {m, "announced", "1900-02-29", false},
                {m, "announced", "2000-02-29", true}, {m, "announced", "2024-04-31", false}, {m, "announced", "24-01", false},
                {m, "status", "released", true}, {m, "status", "done", false},
                {m, "funding_usd", "0", true}, {m, "funding_usd", "12.5", true}, {m, "funding_usd", "-1", false},
                {m, "funding_usd", "52,000,000", false}, {m, "funding_usd", "lots", false},
                {m, "sources", null, false}, {m, "sources", "https://a.example/x; https://b.example/y?q=1#f", true},
                {m, "sources", "http://example.org:8080/a%20b", true}, {m, "sources", "www.example.org", false},
                {m, "sources", "https://example.org/a b", false}, {m, "sources", "https://-bad.example/", false},
                {m, "sources", "https://127.0.0.1/", false}, {m, "sources", "https://ex.org/%zz", false},
                {m, "sources", "https://ex.org/wiki/Künstliche_Intelligenz", true}, {m, "sources", "https://ex.org/a[1]", false},
                {m, "aliases", "A; B", true}, {m, "notes", "n".repeat(5001), false},
                {m, "build_approach", null, false}, {m, "build_approach", "scratch", true}, {m, "build_approach", "other", false},
                {with(m, "build_approach", "scratch"), "base_models", "llama", false},
                {with(m, "build_approach", "undisclosed"), "base_models", "llama", false},
                {with(m, "build_approach", "base"), "base_models", null, false},
                {with(m, "build_approach", "base"), "base_models", "llama:3.1-70b; qwen", true},
                {with(m, "build_approach", "both"), "base_models", "Llama 3", false},
                {m, "release_status", null, false}, {m, "release_status", "closed", true},
                {m, "license", "Llama-3.1-Community", false}, {with(m, "release_status", "open_restricted"), "license", "Llama-3.1-Community", true},
                {with(m, "release_status", "open_permissive"), "license", null, true},
                {m, "accelerator_count", "8", false}, {m, "languages", "en", false}, {m, "data_type", "corpus", false},
                {c, "accelerator_vendors", "nvidia; amd", true}, {c, "accelerator_vendors", "cerebras", false},
                {c, "accelerator_count", "5448", true}, {c, "accelerator_count", "5448.5", false}, {c, "accelerator_count", "-3", false},
                {c, "power_mw", "0.5", true}, {c, "power_mw", "-0.5", false}, {c, "license", "MIT", false},
                {c, "build_approach", "scratch", false}, {c, "base_models", "llama", false},
                {d, "languages", "th; en; fil", true}, {d, "languages", "English", false}, {d, "data_type", "t".repeat(201), false},
                {d, "accelerator_vendors", "nvidia", false}, {d, "release_status", "closed", false},
        };
        for (Object[] v : variants) {
            @SuppressWarnings("unchecked")
            Map<String, String> base = (Map<String, String>) v[0];
            String name = base.get("layer") + " " + v[1] + "=" + (v[2] == null ? "(blank)" : shorten((String) v[2]));
            cases.add(Arguments.of(name, with(base, (String) v[1], (String) v[2]), v[3]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: valid={2}")
    @MethodSource("cases")
    void javaValidatorAndJsonSchemaGiveTheSameVerdict(String name, Map<String, String> record, boolean expected) throws IOException {
        Report java = TestSheets.validate(TestSheets.csv(dir, "case.csv", List.of(record)));
        boolean javaValid = java.findings().stream().noneMatch(f -> f.isError() && Code.of(f.code()).scope() != Code.Scope.SET);
        List<Error> errors = JSON_SCHEMA.validate(toJson(record));
        assertEquals(expected, javaValid, () -> "Java: " + TestSheets.describe(java));
        assertEquals(expected, errors.isEmpty(), () -> "JSON Schema: " + errors);
    }

    /** A sheet row as a release would publish it: lists for multi-valued fields, numbers as numbers, blanks left out. */
    static JsonNode toJson(Map<String, String> record) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (FieldSpec f : TestSheets.SCHEMA.fields()) {
            String v = Text.clean(record.get(f.name()));
            if (v == null) continue;
            if (f.multi()) {
                ArrayNode a = o.putArray(f.name());
                Text.split(v).forEach(a::add);
            } else if (f.type().numeric() && v.matches("-?[0-9]+(\\.[0-9]+)?")) {
                o.put(f.name(), new java.math.BigDecimal(v));
            } else {
                o.put(f.name(), v);
            }
        }
        return o;
    }

    private static Map<String, String> with(Map<String, String> r, String field, String value) {
        return TestSheets.with(r, field, value);
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }

    @Test
    void theDatePatternAcceptsExactlyWhatPartialDateParses() {
        Pattern p = Pattern.compile(ProjectJsonSchema.DATE_PATTERN);
        List<String> samples = new ArrayList<>();
        for (int year : new int[] {1896, 1900, 1999, 2000, 2023, 2024, 2100, 2400}) {
            for (int q = 0; q <= 5; q++) samples.add(year + "-Q" + q);
            for (int month = 0; month <= 13; month++) {
                String mm = String.format("%04d-%02d", year, month);
                samples.add(mm);
                for (int day = 0; day <= 32; day++) samples.add(mm + String.format("-%02d", day));
            }
        }
        samples.addAll(List.of("2024", "2024-1", "2024-01-1", "2024-Q", "2024/01", "x024-01", "2024-01-01T00:00"));
        for (String s : samples) {
            assertEquals(PartialDate.parse(s) != null, p.matcher(s).find(), s);
        }
        assertTrue(PartialDate.parse("2024-02-29") != null && LocalDate.of(2024, 2, 29) != null);
    }

    @Test
    void theUrlLoopAndTheUrlPatternAgreeAndAcceptedUrlsParse() throws URISyntaxException {
        Pattern p = Pattern.compile(Urls.PATTERN);
        List<String> samples = new ArrayList<>(List.of(
                "https://example.org", "https://example.org/", "http://a.b.c.example.org/x/y?z=1&w=2#top", "https://ex.org:443/a",
                "https://ex.org:/a", "https://ex.org:123456/", "https://ex.org./a", "https://ex..org/", "https://.ex.org/",
                "https://ex-.org/", "https://-ex.org/", "https://1ex.org/", "https://ex.1org/", "https://ex.org/%41%4a", "https://ex.org/%4",
                "https://ex.org/a?b?c", "https://ex.org/a#b#c", "https://ex.org/a#b?c", "https://ex.org?x", "https://ex.org#x",
                "https://ex.org/é", "https://ex.org/a b", "https://ex.org/a\tb", "https://ex.org/a\"b", "https://ex.org/a<b",
                "https://ex.org/a{b}", "https://ex.org/a|b", "https://ex.org/a\\b", "https://ex.org/a^b", "https://ex.org/a`b",
                "HTTPS://ex.org/", "https:/ex.org/", "https://", "http://localhost/", "https://user:pw@ex.org/", "https://[::1]/",
                "https://ex.org/(a)!$&'*+,;=:@~_.-", "mailto:a@ex.org", "https://ex_ample.org/", "https://" + "a".repeat(64) + ".org/",
                "https://" + "a".repeat(63) + ".org/"));
        for (String s : samples) {
            boolean loop = Urls.valid(s);
            assertEquals(p.matcher(s).matches(), loop, s);
            if (loop) assertTrue(new URI(s).getHost() != null, "URI finds a host in " + s);
        }
    }
}
