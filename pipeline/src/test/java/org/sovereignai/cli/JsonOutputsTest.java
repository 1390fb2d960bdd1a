package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.io.Json;
import org.sovereignai.sources.TestSite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every JSON the command line writes has camelCase keys and a top-level {@code formatVersion}: validate, diff, stats,
 * sources check and submit, and the files a submission leaves beside its archived copy. Keys that are data (field
 * names of the record contract, vocabulary values, record ids) are not key style and are not judged.
 */
class JsonOutputsTest {
    private static final String HEADER = "id,name,layer,jurisdiction,lead_org,announced,sources\n";
    /** Objects whose keys are data: a record's fields, figures by vocabulary value. */
    private static final Set<String> DATA_KEYED = Set.of("record", "counts");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    /** Asserts formatVersion 1 at the top and camelCase keys all the way down (except under data-keyed objects). */
    private static void assertConventions(String what, String json) throws Exception {
        JsonNode root = Json.mapper().readTree(json);
        assertEquals(Json.FORMAT_VERSION, root.path("formatVersion").asInt(-1), what + " has formatVersion: " + json);
        List<String> bad = new ArrayList<>();
        walk(root, "", bad);
        assertEquals(List.of(), bad, what + ": keys not in camelCase");
    }

    private static void walk(JsonNode node, String path, List<String> bad) {
        if (node.isArray()) {
            for (JsonNode n : node) walk(n, path + "[]", bad);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().matches("[a-z][a-zA-Z0-9]*")) bad.add(path + "/" + e.getKey());
                if (!DATA_KEYED.contains(e.getKey())) walk(e.getValue(), path + "/" + e.getKey(), bad);
            }
        }
    }

    @Test
    void validateDiffAndStatsWriteJsonWithFormatVersionAndCamelCaseKeys() throws Exception {
        Path semicolons = write("a.csv", HEADER.replace(',', ';') + "a;A;data;FR;Org;2024-13;https://example.gov/a\n");
        Path before = write("old.csv", HEADER + "a,A,data,FR,Org,2024-Q1,https://example.gov/a\nb,B,data,FR,Org,2024-Q1,https://example.gov/b\n");
        Path after = write("new.csv", HEADER + "a,A,data,FR,Org,2024-Q2,https://example.gov/a\nc,C,data,FR,Org,2024-Q1,https://example.gov/c\n");

        CliRun validate = CliRun.of("validate", "--format", "json", semicolons.toString());
        assertEquals(1, validate.code());
        assertConventions("validate", validate.out());
        assertFalse(Json.mapper().readTree(validate.out()).path("notes").isEmpty(), "a reading note is there too");

        CliRun diff = CliRun.of("diff", before.toString(), after.toString(), "--format", "json");
        assertEquals(0, diff.code(), diff.err());
        assertConventions("diff", diff.out());

        CliRun stats = CliRun.of("stats", after.toString(), "--format", "json");
        assertEquals(0, stats.code(), stats.err());
        JsonNode figures = Json.mapper().readTree(stats.out());
        assertEquals(Json.FORMAT_VERSION, figures.path("formatVersion").asInt());
        for (Iterator<String> it = figures.fieldNames(); it.hasNext(); ) assertTrue(it.next().matches("[a-z][a-zA-Z0-9]*"));
    }

    @Test
    void theSourcesCheckReportIsCamelCase() throws Exception {
        try (TestSite site = TestSite.withNews()) {
            Path sheet = write("s.csv", HEADER + "a,A,data,FR,Org,2024-Q1," + site.namedUrl("/news") + "; " + site.namedUrl("/gone") + "\n");
            CliRun r = CliRun.of("sources", "check", sheet.toString(), "--db", dir.resolve("db").toString(), "--allow-loopback", "--json");
            assertEquals(0, r.code(), r.err());
            assertConventions("sources check", r.out());
            assertTrue(Json.mapper().readTree(r.out()).path("counts").has("notChecked"), r.out());
        }
    }

    @Test
    void submitAndTheFilesBesideASubmissionAreCamelCaseWithFormatVersion() throws Exception {
        CurationFixture fx = new CurationFixture(dir.resolve("home"));
        assertEquals(0, fx.cli("quarter", "open", CurationFixture.QUARTER).code());
        Path add = fx.write("add.csv", HEADER + "new-lab,New Lab,data,FR,Org,2025-Q1,https://example.gov/n\n");

        CurationFixture.Cli dry = fx.cli("submit", "--dry-run", "--format", "json", add.toString(), "--curator", "alice");
        assertEquals(0, dry.code(), dry.err());
        assertConventions("submit --dry-run", dry.out());
        CurationFixture.Cli real = fx.cli("submit", "--format", "json", add.toString(), "--curator", "alice");
        assertEquals(0, real.code(), real.err());
        assertConventions("submit", real.out());
        JsonNode j = Json.mapper().readTree(real.out());
        assertEquals("S1", j.path("submission").asText());
        assertFalse(j.path("dryRun").asBoolean());
        assertEquals("New Lab", j.path("changes").get(0).path("record").path("name").asText(), "an added record's fields");

        Path archive = fx.home.resolve("curation/submissions/" + CurationFixture.QUARTER);
        try (var dirs = Files.list(archive)) {
            Path one = dirs.findFirst().orElseThrow();
            assertConventions("report.json", Files.readString(one.resolve("report.json")));
            assertConventions("submission.json", Files.readString(one.resolve("submission.json")));
        }
    }
}
