package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/** The README's main job, and the committed first release, as a newcomer would meet them. */
class DemoAndBaselineTest {
    private static final Path HOME = Path.of(System.getProperty("sai.home", "..")).toAbsolutePath().normalize();

    private static String run(int expected, String... args) {
        StringWriter out = new StringWriter();
        int code = Sai.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
        assertEquals(expected, code, () -> "sai " + String.join(" ", args) + " printed:\n" + out);
        return out.toString();
    }

    @Test
    void theDemoRunsAQuarterEndToEndAndPublishesCreditedChanges(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("demo");
        String out = run(0, "demo", "--workspace", ws.toString());

        assertTrue(out.contains("S2 rejected: 2 error(s)"), out);
        assertTrue(out.contains("CONFLICT with"), out);
        assertTrue(out.contains("not applied again"), out);
        assertTrue(out.contains("verified 2 release(s)"), out);
        assertTrue(out.contains("./sai serve --home " + ws + "   then open http://127.0.0.1:8080/"), "how to see it in a browser: " + out);

        Path release = ws.resolve("snapshots/2026-Q1");
        JsonNode changes = Json.mapper().readTree(release.resolve("changes.json").toFile());
        assertEquals("2025-Q4", changes.get("from").asText());
        assertEquals(3, changes.get("summary").get("modified").asInt());
        JsonNode seaLion = null;
        for (JsonNode c : changes.get("changes")) if (c.get("id").asText().equals("sea-lion")) seaLion = c;
        JsonNode funding = null;
        for (JsonNode f : seaLion.get("fields")) if (f.get("field").asText().equals("funding_usd")) funding = f;
        assertEquals(70000000, funding.get("new").asLong(), "the approved side of the conflict wins");
        assertEquals("alice", funding.get("provenance").get("curator").asText());
        assertEquals("lead", funding.get("provenance").get("reviewer").asText());
        assertEquals("B2", funding.get("provenance").get("cell").asText());

        String changesMd = Files.readString(release.resolve("CHANGES.md"));
        assertTrue(changesMd.contains("## Curators"), changesMd);
        assertTrue(changesMd.contains("- alice (4 changes)"), changesMd);
        assertTrue(Files.isRegularFile(release.resolve("STATS.md")));
        try (Stream<Path> charts = Files.list(release.resolve("charts"))) {
            assertEquals(4, charts.count());
        }
        // the project folder is untouched: the bundled release is still the only one
        assertEquals("2025-Q4", Files.readString(HOME.resolve("snapshots/latest")).strip());
    }

    @Test
    void theCommittedBaselineReleaseIsReproducedByteForByteFromTheBundledSheet(@TempDir Path tmp) throws Exception {
        Path committed = HOME.resolve("snapshots/2025-Q4");
        JsonNode manifest = Json.mapper().readTree(committed.resolve("manifest.json").toFile());
        String date = manifest.get("date").asText();
        run(0, "release", "2025-Q4", "--from", HOME.resolve("curation/baseline/2025-Q4.csv").toString(),
                "--snapshots", tmp.toString(), "--date", date);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(committed)) {
            files = walk.filter(Files::isRegularFile).map(committed::relativize).sorted().toList();
        }
        assertTrue(files.size() >= 12, files.toString());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(f)), Files.readAllBytes(tmp.resolve("2025-Q4").resolve(f)),
                    "snapshots/2025-Q4/" + f + " differs from a fresh release of curation/baseline/2025-Q4.csv");
        }
        run(0, "verify", HOME.resolve("snapshots").toString());
    }
}
